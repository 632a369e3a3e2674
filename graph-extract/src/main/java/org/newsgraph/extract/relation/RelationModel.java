package org.newsgraph.extract.relation;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.GeneralDataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.BasicDatum;
import edu.stanford.nlp.ling.Datum;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
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
 * states the relation between the two. A model may also weigh a candidate's dense {@link
 * EncoderFeatures}, if it was trained with them ({@link #dense()}); then it needs them to score.
 * Immutable and thread-safe once built.
 */
public final class RelationModel implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Where the model trained by {@code newsgraph train} lives on the class path. */
  public static final String RESOURCE = "models/relations.ser.gz";

  /**
   * Where the model that also weighs the encoder's vectors lives on the class path ({@code
   * newsgraph train --encoder}).
   */
  public static final String ENCODER_RESOURCE = "models/relations-encoder.ser.gz";

  private static final String YES = "yes";
  private static final String NO = "no";

  /** The names of dense features, made once. */
  private static final String[] DENSE = new String[4096];

  static {
    for (int i = 0; i < DENSE.length; i++) {
      DENSE[i] = "enc" + i;
    }
  }

  /**
   * A labelled candidate: its features, its dense features or {@code null}, and whether the
   * sentence states the relation.
   */
  public record Example(Relation relation, List<String> features, float[] dense, boolean positive) {

    public Example {
      requireNonNull(relation, "relation");
      features = List.copyOf(features);
    }

    /** A candidate with sparse features only. */
    public Example(Relation relation, List<String> features, boolean positive) {
      this(relation, features, null, positive);
    }
  }

  private final EnumMap<Relation, LinearClassifier<String, String>> classifiers;
  private final String description;

  /** How many dense features the model weighs; 0 for none (models written before had none). */
  private final int dense;

  private RelationModel(
      EnumMap<Relation, LinearClassifier<String, String>> classifiers,
      String description,
      int dense) {
    this.classifiers = classifiers;
    this.description = description;
    this.dense = dense;
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
    int dense = -1;
    for (Example example : examples) {
      int length = example.dense() == null ? 0 : example.dense().length;
      if (dense >= 0 && length != dense) {
        throw new IllegalArgumentException(
            "every example needs as many dense features as the first ("
                + dense
                + "), got "
                + length);
      }
      dense = length;
    }
    Map<Relation, GeneralDataset<String, String>> datasets = new EnumMap<>(Relation.class);
    for (Example example : examples) {
      String label = example.positive() ? YES : NO;
      if (example.dense() == null) {
        datasets
            .computeIfAbsent(example.relation(), r -> new Dataset<>())
            .add(new BasicDatum<>(example.features(), label));
      } else {
        datasets
            .computeIfAbsent(example.relation(), r -> new RVFDataset<>())
            .add(new RVFDatum<>(counter(example.features(), example.dense()), label));
      }
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
    return new RelationModel(classifiers, description, Math.max(0, dense));
  }

  /** The sparse features as ones and the dense ones under their indexes, as CoreNLP takes them. */
  private static ClassicCounter<String> counter(List<String> features, float[] dense) {
    ClassicCounter<String> counter = new ClassicCounter<>(features.size() + dense.length);
    for (String feature : features) {
      counter.setCount(feature, 1.0);
    }
    for (int i = 0; i < dense.length; i++) {
      if (dense[i] != 0) {
        counter.setCount(i < DENSE.length ? DENSE[i] : "enc" + i, dense[i]);
      }
    }
    return counter;
  }

  /** Returns the relations this model has a classifier for. */
  public Set<Relation> relations() {
    return classifiers.keySet();
  }

  /** Returns what the model was trained on. */
  public String description() {
    return description;
  }

  /** Returns how many dense features the model weighs, 0 if it weighs none. */
  public int dense() {
    return dense;
  }

  /** Returns the probability that a candidate with these features states the relation. */
  public double probability(Relation relation, List<String> features) {
    return probability(relation, features, null);
  }

  /**
   * Returns the probability that a candidate with these features states the relation.
   *
   * @param dense the candidate's dense features, which a model trained with them needs
   */
  public double probability(Relation relation, List<String> features, float[] dense) {
    LinearClassifier<String, String> classifier = classifiers.get(relation);
    if (classifier == null) {
      return 0;
    }
    if (this.dense == 0) {
      return classifier.probabilityOf(new BasicDatum<>(features)).getCount(YES);
    }
    if (dense == null || dense.length != this.dense) {
      throw new IllegalArgumentException(
          "the model weighs "
              + this.dense
              + " dense features, got "
              + (dense == null ? "none" : dense.length));
    }
    Datum<String, String> datum = new RVFDatum<>(counter(features, dense));
    return classifier.probabilityOf(datum).getCount(YES);
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
    return fromClassPath(RESOURCE);
  }

  /** Returns the model kept on the class path under a name, if there is one. */
  public static Optional<RelationModel> fromClassPath(String resource) {
    try (InputStream in = RelationModel.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
