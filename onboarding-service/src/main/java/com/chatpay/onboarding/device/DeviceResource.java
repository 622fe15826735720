package com.chatpay.onboarding.device;

import com.chatpay.common.problem.ApiException;
import com.chatpay.common.security.Roles;
import com.chatpay.onboarding.onboarding.OnboardingErrors;
import com.chatpay.onboarding.onboarding.OnboardingMetrics;
import com.chatpay.onboarding.onboarding.OnboardingProblems;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Devices (fingerprint / face) enrolled with WebAuthn to confirm payments. */
@Path("/v1/me/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final DeviceService service;
    private final OnboardingMetrics metrics;
    private final JsonWebToken jwt;

    public DeviceResource(DeviceService service, OnboardingMetrics metrics, JsonWebToken jwt) {
        this.service = service;
        this.metrics = metrics;
        this.jwt = jwt;
    }

    @POST
    @Path("/registration-options")
    @RolesAllowed(Roles.USER)
    public Uni<RegistrationOptions> registrationOptions() {
        return service.registrationOptions(jwt.getSubject());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RolesAllowed(Roles.USER)
    public Uni<DeviceView> register(@Valid @NotNull DeviceRegistrationRequest request) {
        byte[] credentialId = base64Url("credentialId", request.credentialId());
        byte[] clientData = base64Url("clientDataJSON", request.clientDataJSON());
        byte[] attestation = base64Url("attestationObject", request.attestationObject());
        return service.register(jwt.getSubject(), request.name().strip(), credentialId, clientData, attestation,
                        request.pin())
                .onFailure(WebAuthnVerifier.Refused.class).transform(e -> {
                    metrics.step("device", "invalid");
                    return new ApiException(400, OnboardingErrors.DEVICE_REGISTRATION_INVALID, "Bad Request",
                            "The authenticator's registration does not verify: " + e.getMessage() + ".", null, null);
                })
                .map(registration -> {
                    if (registration.failedCheck() != null) {
                        metrics.step("device", "pin_invalid");
                        throw OnboardingProblems.pinRefused(registration.failedCheck());
                    }
                    return registration.device();
                });
    }

    @GET
    @RolesAllowed(Roles.USER)
    public Uni<DeviceView.Page> list() {
        return service.list(jwt.getSubject()).map(items -> new DeviceView.Page(items, null));
    }

    @DELETE
    @Path("/{deviceId}")
    @ResponseStatus(204)
    @RolesAllowed(Roles.USER)
    public Uni<Void> remove(@PathParam("deviceId") UUID deviceId) {
        return service.remove(jwt.getSubject(), deviceId);
    }

    /** Decodes a base64url (or base64) field; a bad one is a field error. */
    public static byte[] base64Url(String field, String value) {
        try {
            return Base64.getUrlDecoder().decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field, "must be base64url");
        }
    }
}
