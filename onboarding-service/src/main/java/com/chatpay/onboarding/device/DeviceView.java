package com.chatpay.onboarding.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An enrolled device as its owner sees it (never key material). */
public record DeviceView(UUID deviceId, String name, Instant createdAt, Instant lastUsedAt) {

    static DeviceView of(Device device) {
        return new DeviceView(device.id, device.name, device.createdAt, device.lastUsedAt);
    }

    /** {@code GET /v1/me/devices}. */
    public record Page(List<DeviceView> items, String nextCursor) {
    }
}
