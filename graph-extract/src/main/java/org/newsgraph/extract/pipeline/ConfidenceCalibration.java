package org.newsgraph.extract.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsgraph.core.Evidence;
import org.newsgraph.extract.ExtractionException;
import org.newsgraph.extract.relation.ClassifierRelationExtractor;
import org.newsgraph.extract.relation.PatternRelationExtractor;

/**
 * What a fact's confidence, as its extractors state it, turned out to mean on the development sets:
 * for each source of facts (the rules alone, the classifier alone, both), ranges of that stated
 * confidence, each mapped to the fraction of the facts in it that the scorers held right. A rule's
 * confidence is set by hand and the classifier's probability is learnt on encyclopaedic text, so
 * neither says by itself how often a fact is right; after calibration, of the facts at 0.9 about
 * nine in ten should be.
 *
 * <p>The map rises with the stated confidence (it was fitted so), so calibrating never reorders the
 * facts of one source. Confidences below the first range take its value, those in a gap between
 * ranges the value of the range below. A source without ranges keeps its confidences, as does every
 * confidence under {@link #identity()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConfidenceCalibration {

  /** Where the project keeps its calibration on the class path. */
  public static final String RESOURCE = "models/calibration.tsv";

  /** Who found a fact: the calibration is fitted for each separately. */
  public enum Source {
    /** The patterns of the rule files alone. */
    RULES,
    /** The relation classifier alone. */
    CLASSIFIER,
    /** Both, with their confidences combined. */
    BOTH;

    /** Returns the name the calibration file uses. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the source of a label, as the calibration file writes it. */
    public static Source ofLabel(String label) {
      for (Source source : values()) {
        if (source.label().equals(label)) {
          return source;
        }
      }
      throw new ExtractionException(
          "unknown source '" + label + "'; expected rules, classifier or both");
    }

    /** Returns the source of a fact's evidence, or empty if neither fact extractor found it. */
    public static Optional<Source> of(Evidence evidence) {
      boolean rules = evidence.foundBy(PatternRelationExtractor.NAME);
      boolean classifier = evidence.foundBy(ClassifierRelationExtractor.NAME);
      if (rules && classifier) {
        return Optional.of(BOTH);
      }
      if (rules) {
        return Optional.of(RULES);
      }
      return classifier ? Optional.of(CLASSIFIER) : Optional.empty();
    }
  }

  /**
   * A range of stated confidence and what it means.
   *
   * @param source who found the facts
   * @param lower the least stated confidence of the range
   * @param upper where the range ends (exclusive, but 1 belongs to a range ending at 1)
   * @param calibrated the fraction of the range's facts that were right, 0 to 1
   * @param facts how many scored facts the fraction rests on
   */
  public record Step(Source source, double lower, double upper, double calibrated, int facts) {

    public Step {
      requireNonNull(source, "source");
      if (!(lower >= 0 && lower < upper && upper <= 1)) {
        throw new ExtractionException(
            "a calibration range must lie within 0..1 and not be empty, got "
                + lower
                + ".."
                + upper);
      }
      if (!(calibrated >= 0 && calibrated <= 1)) {
        throw new ExtractionException(
            "a calibrated confidence must lie within 0..1, got " + calibrated);
      }
      if (facts < 0) {
        throw new ExtractionException("a calibration range rests on no fewer than 0 facts");
      }
    }
  }

  private static final ConfidenceCalibration IDENTITY = new ConfidenceCalibration(List.of());

  private final List<Step> steps;
  private final Map<Source, List<Step>> bySource = new EnumMap<>(Source.class);

  private ConfidenceCalibration(List<Step> steps) {
    this.steps =
        steps.stream()
            .sorted(Comparator.comparing(Step::source).thenComparingDouble(Step::lower))
            .toList();
    for (Step step : this.steps) {
      List<Step> ranges = bySource.computeIfAbsent(step.source(), s -> new ArrayList<>());
      if (!ranges.isEmpty()) {
        Step before = ranges.get(ranges.size() - 1);
        if (step.lower() < before.upper()) {
          throw new ExtractionException(
              "calibration ranges of "
                  + step.source().label()
                  + " overlap: "
                  + before.lower()
                  + ".."
                  + before.upper()
                  + " and "
                  + step.lower()
                  + ".."
                  + step.upper());
        }
        if (step.calibrated() < before.calibrated()) {
          throw new ExtractionException(
              "calibration of "
                  + step.source().label()
                  + " falls from "
                  + before.calibrated()
                  + " to "
                  + step.calibrated()
                  + " at "
                  + step.lower()
                  + "; it must rise with the stated confidence");
        }
      }
      ranges.add(step);
    }
  }

  /** Returns the calibration that keeps every confidence as it is. */
  public static ConfidenceCalibration identity() {
    return IDENTITY;
  }

  /** Returns the calibration of these ranges, which must rise with confidence for each source. */
  public static ConfidenceCalibration of(List<Step> steps) {
    return new ConfidenceCalibration(List.copyOf(steps));
  }

  /** Returns the project's calibration from the class path, or the identity if it has none. */
  public static ConfidenceCalibration fromClassPath() {
    InputStream in = ConfidenceCalibration.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      return identity();
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads a calibration file: lines of a source, the lower and upper end of a range, the calibrated
   * confidence and the number of facts, separated by tabs; {@code #} starts a comment.
   *
   * @param name what to call the file in errors
   */
  public static ConfidenceCalibration read(BufferedReader reader, String name) throws IOException {
    List<Step> steps = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t");
      if (fields.length != 5) {
        throw new ExtractionException(
            name
                + " line "
                + number
                + ": expected source, lower, upper, calibrated and facts separated by tabs, got '"
                + line
                + "'");
      }
      try {
        steps.add(
            new Step(
                Source.ofLabel(fields[0].strip()),
                Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2]),
                Double.parseDouble(fields[3]),
                Integer.parseInt(fields[4].strip())));
      } catch (NumberFormatException | ExtractionException e) {
        throw new ExtractionException(name + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return of(steps);
  }

  /**
   * Writes this calibration in the form {@link #read} reads.
   *
   * @param comments lines written first, each as a comment
   */
  public void write(Path file, List<String> comments) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String comment : comments) {
      text.append("# ").append(comment).append('\n');
    }
    text.append("# source\tlower\tupper\tcalibrated\tfacts\n");
    for (Step step : steps) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s\t%.2f\t%.2f\t%.4f\t%d%n",
              step.source().label(),
              step.lower(),
              step.upper(),
              step.calibrated(),
              step.facts()));
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Returns the ranges, by source and then by confidence. */
  public List<Step> steps() {
    return steps;
  }

  /** Returns whether this calibration keeps every confidence as it is. */
  public boolean isIdentity() {
    return steps.isEmpty();
  }

  /** Returns what a fact's stated confidence means, given who found it. */
  public double calibrate(Evidence evidence) {
    return Source.of(evidence)
        .map(source -> calibrate(source, evidence.confidence()))
        .orElse(evidence.confidence());
  }

  /** Returns what a confidence stated by a source means. */
  public double calibrate(Source source, double confidence) {
    List<Step> ranges = bySource.get(requireNonNull(source, "source"));
    if (ranges == null) {
      return confidence;
    }
    Step chosen = ranges.get(0);
    for (Step step : ranges) {
      if (step.lower() <= confidence) {
        chosen = step;
      }
    }
    return chosen.calibrated();
  }
}
