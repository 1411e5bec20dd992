package io.fleetguard.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MqttTopicFilterTest {

    @Test
    void shouldMatchParentLevelWithMultiLevelWildcard() {
        // Given a filter ending in '#' (MQTT 3.1.1 section 4.7.1.2)
        String filter = "sport/tennis/player1/#";

        // When / Then it matches the parent level itself and any depth below it
        assertThat(MqttTopicFilter.matches(filter, "sport/tennis/player1")).isTrue();
        assertThat(MqttTopicFilter.matches(filter, "sport/tennis/player1/ranking")).isTrue();
        assertThat(MqttTopicFilter.matches(filter, "sport/tennis/player1/score/wimbledon")).isTrue();
        assertThat(MqttTopicFilter.matches(filter, "sport/tennis/player2")).isFalse();
    }

    @Test
    void shouldMatchEmptyLevelWithSingleLevelWildcard() {
        // Given "sport/+" (section 4.7.1.3)
        // When / Then "sport/" has an empty second level, which '+' matches, but "sport" has none
        assertThat(MqttTopicFilter.matches("sport/+", "sport/")).isTrue();
        assertThat(MqttTopicFilter.matches("sport/+", "sport")).isFalse();
    }

    @Test
    void shouldTreatLeadingSlashAsAnEmptyFirstLevel() {
        // Given "/finance", whose first level is empty (section 4.7.1.3)
        // When / Then "+/+" and "/+" match it and "+" does not
        assertThat(MqttTopicFilter.matches("+/+", "/finance")).isTrue();
        assertThat(MqttTopicFilter.matches("/+", "/finance")).isTrue();
        assertThat(MqttTopicFilter.matches("+", "/finance")).isFalse();
    }

    @Test
    void shouldNotMatchDollarTopicsWithLeadingWildcards() {
        // Given a system topic (section 4.7.2)
        // When / Then filters starting with a wildcard do not see it, explicit $ filters do
        assertThat(MqttTopicFilter.matches("#", "$SYS/x")).isFalse();
        assertThat(MqttTopicFilter.matches("+/monitor/Clients", "$SYS/monitor/Clients")).isFalse();
        assertThat(MqttTopicFilter.matches("$SYS/#", "$SYS/x")).isTrue();
        assertThat(MqttTopicFilter.matches("$SYS/monitor/+", "$SYS/monitor/Clients")).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "'#', 'sport/tennis', true",
            "'#', '/', true",
            "'sport/#', 'sport', true",
            "'sport/tennis/+', 'sport/tennis/player1', true",
            "'sport/tennis/+', 'sport/tennis/player1/ranking', false",
            "'sport/+/player1', 'sport/tennis/player1', true",
            "'+/tennis/#', 'sport/tennis/player1', true",
            "'sport/+/tennis', 'sport//tennis', true",
            "'sport/tennis', 'sport/tennis', true",
            "'sport/tennis', 'sport/tennis/', false",
            "'sport/tennis/', 'sport/tennis', false",
            "'sport', 'Sport', false",
            "'sport/tennis', 'sport/tennisball', false",
            "'+', 'sport', true",
            "'+/+', 'a/b/c', false"
    })
    void shouldMatchTopicsAsTheSpecificationSays(String filter, String topic, boolean expected) {
        // When
        boolean matched = MqttTopicFilter.matches(filter, topic);

        // Then
        assertThat(matched).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sport/tennis#", "sport/tennis/#/ranking", "sport+", "sport/+tennis", "+sport", "##", "#/", "a/b\0"})
    void shouldMatchNothingWithAnInvalidFilter(String filter) {
        // When / Then even the topic the filter spells literally is not matched
        assertThat(MqttTopicFilter.isValidFilter(filter)).isFalse();
        assertThat(MqttTopicFilter.matches(filter, "sport/tennis")).isFalse();
        assertThat(MqttTopicFilter.matches(filter, filter.replace("#", "x").replace("+", "x"))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldMatchNothingWithAMissingFilter(String filter) {
        assertThat(MqttTopicFilter.matches(filter, "sport")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sport/+", "sport/#", "a\0b"})
    void shouldNotMatchAnInvalidTopicName(String topic) {
        // Given a topic name that is empty or contains wildcards
        // When / Then not even "#" matches it
        assertThat(MqttTopicFilter.matches("#", topic)).isFalse();
    }
}
