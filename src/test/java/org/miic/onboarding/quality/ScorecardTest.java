package org.miic.onboarding.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.miic.onboarding.messaging.validation.Hl7Fixtures;
import org.miic.onboarding.messaging.validation.Hl7Text;

/** The scorecard on hand-computed data (issue 10, item 2): each part, the scaling, the bands, the thresholds, the words. */
class ScorecardTest {

  private static final QualityThresholds DEFAULTS = QualityThresholds.DEFAULTS;
  /** Thirty days, so that 365 immunizations a year expect 30 doses. */
  private static final Period THIRTY_DAYS = new Period(Period.Kind.REVIEW, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));

  private static Scorecard.Inputs inputs(int messages, int aa, int ae, int ar, int errorFree, long expected, long present, long doses,
      int timed, int timely, Integer median, Integer declared, Long previous, Integer sinceLast) {
    return new Scorecard.Inputs(messages, aa, ae, ar, errorFree, expected, present, doses, timed, timely, median, declared, previous,
        sinceLast, List.of(new Scorecard.TopFinding("CNT-010", "Lot number missing", 4)));
  }

  @Test
  void everyPartIsItsShareTimesItsWeight() {
    // 20 messages: 15 AA, 3 AE, 2 AR; 15 without errors; 180 of 200 fields; 30 doses as expected from 365 a year;
    // 18 of 20 timed messages within 30 days; 40 doses the period before; the latest message 2 days ago.
    Scorecard s = Scorecard.compute(THIRTY_DAYS, inputs(20, 15, 3, 2, 15, 200, 180, 30, 20, 18, 3, 365, 40L, 2), DEFAULTS);
    // acceptance 30 × (0.75 + 0.15 / 2) = 24.75; validity 20 × 0.75 = 15; completeness 20 × 0.9 = 18;
    // timeliness 20 × 0.9 = 18; volume 10 × min(1, 30 / 30) = 10; together 85.75.
    assertThat(s.score()).isEqualTo(86);
    assertThat(s.band()).isEqualTo(ScoreBand.B);
    assertThat(s.acceptanceShare()).isEqualTo(0.9);
    assertThat(s.acceptedShare()).isEqualTo(0.75);
    assertThat(s.rejectedShare()).isEqualTo(0.1);
    assertThat(s.validityShare()).isEqualTo(0.75);
    assertThat(s.completenessShare()).isEqualTo(0.9);
    assertThat(s.timelyShare()).isEqualTo(0.9);
    assertThat(s.expectedDoses()).isEqualTo(30);
    assertThat(s.volumeRatio()).isEqualTo(1.0);
    assertThat(s.volumeDrop()).isEqualTo(0.25);
    // 90% accepted is not below 90%; a drop of 25% is within 50%; 2 days within 14.
    assertThat(s.withinThresholds()).as(s.breaches().toString()).isTrue();
  }

  @Test
  void aPartWithoutDataIsLeftOutAndTheOthersAreScaled() {
    // No dose to time, no declared volume: acceptance 30, validity 20, completeness 20 × 0.5 = 10, of 70 → 85.7.
    Scorecard s = Scorecard.compute(THIRTY_DAYS, inputs(10, 10, 0, 0, 10, 100, 50, 0, 0, 0, null, null, null, 1), DEFAULTS);
    assertThat(s.score()).isEqualTo(86);
    assertThat(s.timelyShare()).isNull();
    assertThat(s.volumeRatio()).isNull();
    assertThat(s.volumeDrop()).isNull();
  }

  @Test
  void aPeriodWithoutMessagesScoresZeroAndBreaksOneThresholdSilence() {
    Scorecard s = Scorecard.compute(THIRTY_DAYS, inputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 365, null, null), DEFAULTS);
    assertThat(s.score()).isZero();
    assertThat(s.band()).isEqualTo(ScoreBand.F);
    assertThat(s.breaches()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(Scorecard.Breach.Kind.SILENCE);
      assertThat(b.text()).isEqualTo("No production message arrived in Apr 1 – Apr 30, 2026; none has arrived yet.");
    });
    assertThat(Scorecard.compute(THIRTY_DAYS, inputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 365, 30L, 40), DEFAULTS).breaches())
        .extracting(Scorecard.Breach::text).containsExactly("No production message arrived in Apr 1 – Apr 30, 2026; the latest arrived 40 days before its end.");
  }

  @Test
  void eachThresholdIsBrokenOnItsOwn() {
    // 17 of 20 accepted: 85% below 90%.
    assertThat(Scorecard.compute(THIRTY_DAYS, inputs(20, 17, 0, 3, 17, 100, 100, 30, 20, 20, 1, 365, 30L, 1), DEFAULTS).breaches())
        .singleElement().satisfies(b -> {
          assertThat(b.kind()).isEqualTo(Scorecard.Breach.Kind.ACCEPTANCE);
          assertThat(b.text()).isEqualTo("85% of messages were accepted (AA or AE), below 90%; 3 of 20 were rejected (AR).");
        });
    // 10 doses after 40: a drop of 75%.
    assertThat(Scorecard.compute(THIRTY_DAYS, inputs(10, 10, 0, 0, 10, 100, 100, 10, 10, 10, 1, 365, 40L, 1), DEFAULTS).breaches())
        .singleElement().satisfies(b -> assertThat(b.text())
            .isEqualTo("10 administered doses were reported, 75% fewer than 40 in the period before (the limit is a drop of 50%)."));
    // The latest message 15 days ago: silence.
    assertThat(Scorecard.compute(THIRTY_DAYS, inputs(20, 20, 0, 0, 20, 100, 100, 30, 20, 20, 1, 365, 30L, 15), DEFAULTS).breaches())
        .singleElement().satisfies(b -> assertThat(b.text()).isEqualTo("The latest production message arrived 15 days ago (the limit is 14 days)."));
    // Every message with errors and AE, half the fields, nothing timely: 30 × 0.5 + 0 + 10 + 0 + 10 = 35, band F.
    Scorecard low = Scorecard.compute(THIRTY_DAYS, inputs(20, 0, 20, 0, 0, 100, 50, 30, 20, 0, 60, 365, 30L, 1), DEFAULTS);
    assertThat(low.score()).isEqualTo(35);
    assertThat(low.breaches()).singleElement().satisfies(b -> assertThat(b.text()).isEqualTo("The score is 35 (F, failing), below 70."));
  }

  @Test
  void theThresholdsAreConfigurableAndCheckedAtStartUp() {
    QualityThresholds strict = new QualityThresholds(90, 0.95, 0.2, 7, 14);
    assertThat(Scorecard.compute(THIRTY_DAYS, inputs(20, 15, 3, 2, 15, 200, 180, 30, 20, 18, 3, 365, 40L, 2), strict).breaches())
        .extracting(Scorecard.Breach::kind)
        .containsExactly(Scorecard.Breach.Kind.SCORE, Scorecard.Breach.Kind.ACCEPTANCE, Scorecard.Breach.Kind.VOLUME_DROP);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QualityThresholds(101, 0.9, 0.5, 14, 30))
        .hasMessageContaining("min-score must be 0 to 100");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QualityThresholds(70, 1.5, 0.5, 14, 30))
        .hasMessageContaining("min-acceptance must be a share from 0 to 1");
  }

  @Test
  void bandsFollowTheDqaGrades() {
    assertThat(ScoreBand.of(100)).isEqualTo(ScoreBand.A);
    assertThat(ScoreBand.of(90)).isEqualTo(ScoreBand.A);
    assertThat(ScoreBand.of(89)).isEqualTo(ScoreBand.B);
    assertThat(ScoreBand.of(70)).isEqualTo(ScoreBand.C);
    assertThat(ScoreBand.of(60)).isEqualTo(ScoreBand.D);
    assertThat(ScoreBand.of(59)).isEqualTo(ScoreBand.F);
  }

  @Test
  void theMedianAndThePercentagesReadRight() {
    assertThat(Scorecard.median(Map.of(1, 2, 3, 1, 10, 2))).isEqualTo(3);
    assertThat(Scorecard.median(Map.of(1, 1, 5, 1))).as("the lower middle of an even count").isEqualTo(1);
    assertThat(Scorecard.median(Map.of())).isNull();
    assertThat(Scorecard.percent(0.896)).isEqualTo("89.6%");
    assertThat(Scorecard.percent(0.9)).isEqualTo("90%");
    assertThat(Scorecard.percent(null)).isEqualTo("–");
  }

  @Test
  void aMessageIsMeasuredOnceWhenItArrives() {
    // The clean VXU: one dose given here (every field) and one historical dose (vaccine, date, amount, source only).
    Hl7Text vxu = Hl7Text.of(Hl7Fixtures.cleanVxu().text());
    MessageMeasures m = MessageMeasures.of("VXU", vxu, LocalDate.of(2026, 11, 20));
    assertThat(m.administeredDoses()).isOne();
    assertThat(m.reportDelayDays()).as("given 2026-11-18, received 2026-11-20").isEqualTo(2);
    assertThat(m.expectedFields()).as("10 per message, 11 for the dose given, 4 for the historical one").isEqualTo(25);
    assertThat(m.presentFields()).isEqualTo(25);
    MessageMeasures withoutLot = MessageMeasures.of("VXU", Hl7Text.of(Hl7Fixtures.cleanVxu().set("RXA", 1, 15, "").text()), LocalDate.of(2026, 11, 20));
    assertThat(withoutLot.presentFields()).isEqualTo(24);
    assertThat(MessageMeasures.of("QBP", vxu, LocalDate.of(2026, 11, 20))).isEqualTo(MessageMeasures.NONE);
  }

  @Test
  void theScorecardInWordsNamesEveryMeasure() {
    Scorecard s = Scorecard.compute(THIRTY_DAYS, inputs(20, 15, 3, 2, 15, 200, 180, 30, 20, 18, 3, 365, 40L, 2), DEFAULTS);
    assertThat(ScorecardText.lines(s, DEFAULTS)).containsExactly(
        "Score: 86 of 100, band B (good)",
        "Acceptance: 90% accepted (AA 75%, AE 15%, AR 10% of 20 messages)",
        "Validity: 75% of messages without an error",
        "Completeness: 90% of required and expected fields filled (180 of 200)",
        "Timeliness: 90% reported within 30 days of administration, median 3 days",
        "Volume: 30 administered doses against about 30 expected from the worksheet's 365 a year (100%); 40 in the period before",
        "Latest message: 2 days ago");
  }
}
