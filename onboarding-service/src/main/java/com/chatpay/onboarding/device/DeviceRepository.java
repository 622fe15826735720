package com.chatpay.onboarding.device;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Uni<List<Device>> ofUser(String userId) {
        return list("userId = ?1 order by createdAt, id", userId);
    }

    /** The user's device with this credential, row-locked (its signature counter is about to change). */
    public Uni<Device> lockByCredential(String userId, byte[] credentialId) {
        return find("userId = ?1 and credentialId = ?2", userId, credentialId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Boolean> credentialExists(byte[] credentialId) {
        return count("credentialId", credentialId).map(n -> n > 0);
    }

    public Uni<Long> removeOfUser(String userId, UUID deviceId) {
        return delete("id = ?1 and userId = ?2", deviceId, userId);
    }
}
