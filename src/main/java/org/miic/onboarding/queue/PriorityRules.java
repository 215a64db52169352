package org.miic.onboarding.queue;

import java.util.List;

/** The static priority factors of a worksheet. The deployed DMN table decides them; see DmnPriorityRules. */
public interface PriorityRules {

  /** One line per factor (several rule hits for one factor are summed), in the factors' fixed order. */
  List<PriorityFactor> evaluate(PriorityInputs inputs);
}
