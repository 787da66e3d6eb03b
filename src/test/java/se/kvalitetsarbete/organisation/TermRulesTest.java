package se.kvalitetsarbete.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Term rules that need no engine: which term a round allocates, the fairness window (dates: calendar/SchoolCalendarTest). */
class TermRulesTest {

  @Test
  void aRoundBeforeJulyAllocatesTheAutumnAndFromJulyTheNextSpring() {
    assertThat(Term.nextAfter(LocalDate.of(2027, 3, 1))).isEqualTo(new Term.Key(Season.HT, 2027));
    assertThat(Term.nextAfter(LocalDate.of(2027, 6, 30))).isEqualTo(new Term.Key(Season.HT, 2027));
    assertThat(Term.nextAfter(LocalDate.of(2027, 7, 1))).isEqualTo(new Term.Key(Season.VT, 2028));
    assertThat(Term.nextAfter(LocalDate.of(2027, 12, 31))).isEqualTo(new Term.Key(Season.VT, 2028));
  }

  @Test
  void theTwoTermsBeforeAreTheFairnessWindow() {
    assertThat(new Term(Season.HT, 2027).previousTwo())
        .containsExactly(new Term.Key(Season.VT, 2027), new Term.Key(Season.HT, 2026));
    assertThat(new Term(Season.VT, 2028).previousTwo())
        .containsExactly(new Term.Key(Season.HT, 2027), new Term.Key(Season.VT, 2027));
  }

  @Test
  void aTermIsReadAsSeasonAndYear() {
    assertThat(new Term(Season.HT, 2027).label()).isEqualTo("HT 2027");
    assertThat(new Term(Season.VT, 2028).key()).isEqualTo(new Term.Key(Season.VT, 2028));
  }
}
