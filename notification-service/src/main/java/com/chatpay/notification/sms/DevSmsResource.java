package com.chatpay.notification.sms;

import com.chatpay.common.problem.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /dev/sms?phoneNumber=}: the SMS the simulator "sent" to a number, oldest first — how the local stack
 * and tests read codes. Exists only with {@code chatpay.dev-endpoints.enabled} (the dev profile): otherwise it
 * answers 404 NOT_FOUND exactly like an unknown path. No authentication: it is never on in production.
 */
@Path("/dev/sms")
public class DevSmsResource {

    private final DevEndpointsConfig config;
    private final SimulatedSmsProvider simulator;

    public DevSmsResource(DevEndpointsConfig config, SimulatedSmsProvider simulator) {
        this.config = config;
        this.simulator = simulator;
    }

    @GET
    @PermitAll
    @Operation(hidden = true)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<SentSms>> sentTo(@QueryParam("phoneNumber") String phoneNumber) {
        if (!config.enabled()) {
            // the same exception the router raises for an unknown path, so the same problem document
            throw new NotFoundException();
        }
        return simulator.sentTo(normalize(phoneNumber));
    }

    /**
     * E.164, tolerant of an unencoded {@code +} (which a query string turns into a space): {@code " 33612345678"}
     * reads as {@code +33612345678}.
     */
    static String normalize(String phoneNumber) {
        String number = phoneNumber == null ? "" : phoneNumber.strip();
        if (number.matches("[0-9]{6,15}")) {
            number = "+" + number;
        }
        if (!number.matches("\\+[0-9]{6,15}")) {
            throw ApiException.validation("phoneNumber", "must be an E.164 phone number");
        }
        return number;
    }
}
