package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.ling.BasicDatum;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.newsgraph.core.Relation;

/**
 * One logistic-regression classifier per relation (CoreNLP's {@link LinearClassifier}, L2
 * regularised) that tells from a candidate's {@link RelationFeatures} how likely the sentence
 * states the relation between the two. Immutable and thread-safe once built.
 */
public final class RelationModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the model trained by {@code newsgraph train} lives on the class path. */
  public static final String RESOURCE = "models/relations.ser.gz";

  private static final String YES = "yes";
  private static final String NO = "no";

  /** A labelled candidate: its features, and whether the sentence states the relation. */
  public record Example(Relation relation, List<String> features, boolean positive) {

    public Example {
      requireNonNull(relation, "relation");
      features = List.copyOf(features);
    }
  }

  private final EnumMap<Relation, LinearClassifier<String, String>> classifiers;
  private final String description;

  private RelationModel(
      EnumMap<Relation, LinearClassifier<String, String>> classifiers, String description) {
    this.classifiers = classifiers;
    this.description = description;
  }

  /**
   * Trains one classifier for each relation that has positive and negative examples.
   *
   * @param examples the labelled candidates
   * @param sigma the standard deviation of the Gaussian prior on the weights (L2 regularisation)
   * @param description what the model was trained on, kept with it
   */
  public static RelationModel train(
      Collection<Example> examples, double sigma, String description) {
    Map<Relation, Dataset<String, String>> datasets = new EnumMap<>(Relation.class);
    for (Example example : examples) {
      datasets
          .computeIfAbsent(example.relation(), r -> new Dataset<>())
          .add(new BasicDatum<>(example.features(), example.positive() ? YES : NO));
    }
    EnumMap<Relation, LinearClassifier<String, String>> classifiers = new EnumMap<>(Relation.class);
    datasets.forEach(
        (relation, dataset) -> {
          if (dataset.labelIndex().size() == 2) {
            LinearClassifierFactory<String, String> factory =
                new LinearClassifierFactory<>(1e-4, false, sigma);
            factory.setVerbose(false);
            classifiers.put(relation, factory.trainClassifier(dataset));
          }
        });
    return new RelationModel(classifiers, description);
  }

  /** Returns the relations this model has a classifier for. */
  public Set<Relation> relations() {
    return classifiers.keySet();
  }

  /** Returns what the model was trained on. */
  public String description() {
    return description;
  }

  /** Returns the probability that a candidate with these features states the relation. */
  public double probability(Relation relation, List<String> features) {
    LinearClassifier<String, String> classifier = classifiers.get(relation);
    if (classifier == null) {
      return 0;
    }
    return classifier.probabilityOf(new BasicDatum<>(features)).getCount(YES);
  }

  /** Writes the model, gzipped. */
  public void write(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (ObjectOutputStream out =
          new ObjectOutputStream(
              new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file))))) {
        out.writeObject(this);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the relation model to " + file, e);
    }
  }

  /** Reads a model written by {@link #write}. */
  public static RelationModel read(InputStream in) {
    try (ObjectInputStream objects =
        new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(in)))) {
      return (RelationModel) objects.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read the relation model: " + e, e);
    }
  }

  /** Returns the model kept on the class path ({@link #RESOURCE}), if there is one. */
  public static Optional<RelationModel> fromClassPath() {
    try (InputStream in = RelationModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
