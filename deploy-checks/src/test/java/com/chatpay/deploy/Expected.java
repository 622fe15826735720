package com.chatpay.deploy;

import com.chatpay.common.events.Topics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the chart must deploy, from the code's own constants (chatpay-common's {@link Topics}) and DESIGN.md §2/§5:
 * the four services, who writes and who reads each topic, and each service's consumer groups.
 */
final class Expected {
    /** Service keys of the chart (values {@code services.<key>}); the workload is {@code <key>-service}. */
    static final List<String> SERVICES = List.of("onboarding", "payment", "limits", "notification");

    /** Topics each service writes (each topic has one owner, DESIGN.md §5). */
    static final Map<String, Set<String>> WRITES = Map.of(
            "onboarding", Set.of(Topics.ONBOARDING_EVENTS, Topics.ONBOARDING_SMS),
            "payment", Set.of(Topics.PAYMENTS_EVENTS),
            "limits", Set.of(Topics.LIMITS_EVENTS),
            "notification", Set.of());

    /** Topics each service consumes. */
    static final Map<String, Set<String>> READS = Map.of(
            "onboarding", Set.of(),
            "payment", Set.of(Topics.ONBOARDING_EVENTS, Topics.LIMITS_EVENTS),
            "limits", Set.of(Topics.PAYMENTS_EVENTS, Topics.ONBOARDING_EVENTS),
            "notification", Set.of(Topics.ONBOARDING_SMS, Topics.ONBOARDING_EVENTS, Topics.PAYMENTS_EVENTS));

    private Expected() {
    }

    /** The consumer groups of a service: those of {@link Topics.Groups#ALL} named {@code <key>-service.*}. */
    static Set<String> groups(String service) {
        Set<String> groups = new TreeSet<>();
        for (String group : Topics.Groups.ALL) {
            if (group.startsWith(service + "-service.")) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Every topic that must exist: the business topics and one dead-letter topic per consumer group. */
    static Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(Topics.ALL);
        Topics.Groups.ALL.forEach(group -> topics.add(Topics.deadLetter(group)));
        return topics;
    }

    /**
     * The exact ACLs of a service's KafkaUser, as {@code type:name:operation}: write + describe on what it owns and
     * on its dead-letter topics, read + describe on what it consumes, read on its consumer groups.
     */
    static Set<String> acls(String service) {
        Set<String> acls = new TreeSet<>();
        for (String topic : WRITES.get(service)) {
            acls.add("topic:" + topic + ":Write");
            acls.add("topic:" + topic + ":Describe");
        }
        for (String group : groups(service)) {
            acls.add("topic:" + Topics.deadLetter(group) + ":Write");
            acls.add("topic:" + Topics.deadLetter(group) + ":Describe");
            acls.add("group:" + group + ":Read");
        }
        for (String topic : READS.get(service)) {
            acls.add("topic:" + topic + ":Read");
            acls.add("topic:" + topic + ":Describe");
        }
        return acls;
    }
}
