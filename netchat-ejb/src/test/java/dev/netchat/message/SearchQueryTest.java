package dev.netchat.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netchat.shared.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void takesTheFiltersOutAndLeavesTheWords() {
        SearchQuery q =
                SearchQuery.parse("release  in:#General from:@Alice after:2026-11-01 before:2026-12-01 has:file plan");
        assertThat(q.text()).isEqualTo("release plan");
        assertThat(q.channel()).isEqualTo("general");
        assertThat(q.author()).isEqualTo("alice");
        assertThat(q.after()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(q.before()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(q.hasFile()).isTrue();
        assertThat(q.hasText()).isTrue();
    }

    @Test
    void namesWorkWithoutTheirSigilsAndQuotedValues() {
        SearchQuery q = SearchQuery.parse("in:random from:bob IN:\"Dev Ops\"");
        assertThat(q.channel()).isEqualTo("dev ops");
        assertThat(q.author()).isEqualTo("bob");
        assertThat(q.hasText()).isFalse();
    }

    @Test
    void onIsTheWholeDay() {
        SearchQuery q = SearchQuery.parse("on:2026-12-06 lunch");
        assertThat(q.after()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(q.before()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(q.text()).isEqualTo("lunch");
    }

    @Test
    void wordsThatOnlyLookLikeOperatorsStayText() {
        SearchQuery q = SearchQuery.parse("see https://example.com ratio:3 into:x");
        assertThat(q.text()).isEqualTo("see https://example.com ratio:3 into:x");
        assertThat(q.channel()).isNull();
    }

    @Test
    void highlightTermsLeaveOutQuotesExclusionsAndOr() {
        SearchQuery q = SearchQuery.parse("\"release plan\" -draft budget or cost");
        assertThat(q.text()).isEqualTo("\"release plan\" -draft budget or cost");
        assertThat(q.highlightTerms()).containsExactly("release", "plan", "budget", "cost");
    }

    @Test
    void refusesBadDatesUnknownHasValuesEmptyNamesAndBadLengths() {
        assertThatThrownBy(() -> SearchQuery.parse("before:yesterday"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before:");
        assertThatThrownBy(() -> SearchQuery.parse("has:pony")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchQuery.parse("from:@")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchQuery.parse("   ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(SearchQuery.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
