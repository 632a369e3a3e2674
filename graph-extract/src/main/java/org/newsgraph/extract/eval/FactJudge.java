package org.newsgraph.extract.eval;

import java.util.List;

/**
 * Says how many of a set of fact records are right: the project's scorers, run on the set alone, so
 * that "right" means what the published figures mean.
 */
interface FactJudge {

  /**
   * How many facts of a set the judge holds right and wrong; facts it cannot judge (a relation the
   * gold does not annotate, a passage outside the annotated ones) are in neither.
   */
  record Judgement(int right, int wrong) {

    public Judgement {
      if (right < 0 || wrong < 0) {
        throw new IllegalArgumentException(
            "a judgement counts no fewer than 0 facts, got "
                + right
                + " right, "
                + wrong
                + " wrong");
      }
    }

    /** Returns the facts judged, right or wrong. */
    int judged() {
      return right + wrong;
    }

    /** Returns this judgement added to another. */
    Judgement plus(Judgement other) {
      return new Judgement(right + other.right, wrong + other.wrong);
    }
  }

  /**
   * Judges a set of fact records (JSON lines of {@code FORMAT.md}).
   *
   * @param facts the records, all of kind {@code fact}
   */
  Judgement judge(List<String> facts);
}
