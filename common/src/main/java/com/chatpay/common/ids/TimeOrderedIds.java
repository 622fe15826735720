package com.chatpay.common.ids;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/**
 * Identifiers of the rows a payment writes: UUID version 7 (RFC 9562 §5.7), the Unix time in milliseconds in the
 * first 48 bits, then 74 random bits from a {@link SecureRandom} (as {@link UUID#randomUUID()}'s 122 come from one).
 *
 * <p>PostgreSQL orders {@code uuid} values byte by byte, so a new id sorts after those of earlier milliseconds: an
 * insert lands on the rightmost leaf of its primary key's B-tree, which is in memory and already dirty, rather than
 * on a random leaf of the whole index. With random ids every insert dirties a page of its own, read from disk once the
 * index outgrows the cache, and after each checkpoint the first change of each page writes the whole 8 kB page to the
 * WAL. The ids stay unguessable (74 random bits) but show when a row was made, which every such row also stores.
 *
 * <p>Not for values that are secrets or nonces: those stay fully random.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    /** A new id stamped with the current time. */
    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM);
    }

    /** An id stamped with {@code unixMillis} (0 to 2^48 - 1), its random bits drawn from {@code random}. */
    static UUID at(long unixMillis, Random random) {
        if (unixMillis < 0 || unixMillis >>> 48 != 0) {
            throw new IllegalArgumentException("not a 48-bit Unix time in milliseconds: " + unixMillis);
        }
        // one draw for the 12 + 62 random bits: each call on a SecureRandom takes its lock and reads the OS's source
        ByteBuffer bits = ByteBuffer.wrap(new byte[10]);
        random.nextBytes(bits.array());
        long mostSignificant = unixMillis << 16 | VERSION_7 | bits.getShort() & 0x0FFF;
        long leastSignificant = bits.getLong() >>> 2 | VARIANT_RFC;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The Unix time in milliseconds a version 7 id was stamped with. */
    public static long unixMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
