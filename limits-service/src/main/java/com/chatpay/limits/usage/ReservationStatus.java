package com.chatpay.limits.usage;

/**
 * What became of the limits decision on one payment (a {@code reservation} row). RESERVED counts until released;
 * CONSUMED counts while its completion time is in the window; REJECTED never counted.
 */
public enum ReservationStatus { RESERVED, CONSUMED, RELEASED, REFUNDED, REJECTED }
