package com.chatpay.harness.api;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Someone using chatpay in a test or a bench run: a fresh user id and phone number each time (so a run can be
 * repeated against the same stack), a card, a PIN, and every SMS code they received (for the secret scan).
 */
public record Person(String userId, String firstName, String phoneNumber, String card, String cvc, String pin,
        List<String> codes) {

    /** The simulator's card that approves everything. */
    public static final String VISA = "4111111111111111";
    /** The simulator's card whose authorisations time out, outcome unknown until queried. */
    public static final String TIMEOUT_CARD = "4000000000000119";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Phone numbers are unique within a JVM, and random across runs. */
    private static final AtomicLong PHONES = new AtomicLong(RANDOM.nextInt(40_000_000) * 2L);
    private static final List<String> PINS = List.of("7391", "4826", "9153", "6047", "3719", "8264", "5902", "3851");

    public static Person create(String name) {
        return create(name, VISA);
    }

    public static Person create(String name, String card) {
        long phone = 600_000_000L + Math.floorMod(PHONES.incrementAndGet(), 99_999_999L);
        String pin = PINS.get(RANDOM.nextInt(PINS.size()));
        String cvc = String.format(Locale.ROOT, "%03d", 100 + RANDOM.nextInt(900));
        String letters = name.replaceAll("[^\\p{L}]", "");
        String firstName = letters.isEmpty() ? "Sam"
                : letters.substring(0, 1).toUpperCase(Locale.ROOT) + letters.substring(1);
        return new Person(name + "-" + UUID.randomUUID(), firstName, "+33" + phone, card, cvc, pin,
                new CopyOnWriteArrayList<>());
    }

    /** A PIN that is not this person's. */
    public String wrongPin() {
        return pin.equals("7392") ? "7393" : "7392";
    }

    /**
     * The secrets this person handed to chatpay or received that stand out on their own: card number, PIN and SMS
     * codes (the three-digit CVC is scanned for next to its name, see SecretScan).
     */
    public List<String> secrets() {
        List<String> secrets = new java.util.ArrayList<>(List.of(card, pin));
        secrets.addAll(codes);
        return secrets;
    }
}
