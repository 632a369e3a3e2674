package org.newsgraph.extract.entity;

import static java.util.Objects.requireNonNull;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.newsgraph.core.Entity;
import org.newsgraph.core.EntityKey;
import org.newsgraph.core.Mention;
import org.newsgraph.extract.rules.EntityTypeAnnotation;

/**
 * The entities of one article and every mention of them, so that an extractor can tell which entity
 * the words at some offsets refer to. Immutable.
 */
public final class DocumentEntities {

  private final List<Entity> entities;
  private final List<EntityMention> mentions;

  /**
   * @param entities the article's entities, no two with the same type and canonical name
   * @param mentions the mentions of those entities
   */
  public DocumentEntities(List<Entity> entities, List<EntityMention> mentions) {
    this.entities = List.copyOf(requireNonNull(entities, "entities"));
    this.mentions =
        requireNonNull(mentions, "mentions").stream()
            .sorted(Comparator.comparingInt((EntityMention m) -> m.mention().start()))
            .toList();
  }

  /**
   * Returns these entities linked where the linker finds a Wikipedia title for them, and then made
   * one wherever two are one thing by their {@link EntityKey}: "News Corp" and "News Corp.", or
   * "MSFT" and "Microsoft" once both are linked to {@code Microsoft}. The entity kept is the one
   * with the most named mentions (the earliest among equals); it takes the others' names and
   * mentions, and every mention of them now refers to it.
   *
   * @param linker the Wikipedia title of an entity, if one is found
   */
  public DocumentEntities linked(Function<Entity, Optional<String>> linker) {
    requireNonNull(linker, "linker");
    Map<Entity, Entity> replaced = new IdentityHashMap<>();
    Map<EntityKey, List<Entity>> byKey = new LinkedHashMap<>();
    List<Entity> unnamed = new ArrayList<>();
    for (Entity entity : entities) {
      if (!entity.named()) {
        unnamed.add(entity);
        continue;
      }
      Entity linked = linker.apply(entity).map(entity::withLink).orElse(entity);
      replaced.put(entity, linked);
      byKey.computeIfAbsent(EntityKey.of(linked), k -> new ArrayList<>()).add(entity);
    }
    List<Entity> kept = new ArrayList<>(unnamed);
    for (List<Entity> same : byKey.values()) {
      Entity one = same.size() == 1 ? replaced.get(same.get(0)) : union(same, replaced);
      same.forEach(entity -> replaced.put(entity, one));
      kept.add(one);
    }
    kept.sort(
        Comparator.comparingInt(e -> e.mentions().isEmpty() ? 0 : e.mentions().get(0).start()));
    List<EntityMention> remapped = new ArrayList<>();
    for (EntityMention mention : mentions) {
      Entity entity = replaced.getOrDefault(mention.entity(), mention.entity());
      remapped.add(new EntityMention(entity, mention.mention(), mention.named()));
    }
    return new DocumentEntities(kept, remapped);
  }

  /** One entity of several that share a key: the most named one, with the others' names. */
  private Entity union(List<Entity> same, Map<Entity, Entity> linked) {
    Entity best = same.get(0);
    for (Entity entity : same) {
      if (namedMentions(entity) > namedMentions(best)) {
        best = entity;
      }
    }
    List<String> aliases = new ArrayList<>(best.aliases());
    List<Mention> spans = new ArrayList<>();
    for (Entity entity : same) {
      entity.aliases().forEach(aliases::add);
      spans.addAll(entity.mentions());
    }
    spans.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
    List<Mention> distinct = spans.stream().distinct().toList();
    return new Entity(best.type(), best.name(), aliases, distinct, true, linked.get(best).link());
  }

  private long namedMentions(Entity entity) {
    return mentions.stream().filter(m -> m.named() && m.entity() == entity).count();
  }

  /**
   * Marks every token inside a mention with the mention's entity type ({@link
   * EntityTypeAnnotation}), so that rule patterns can refer to entities.
   */
  public void tag(List<CoreLabel> tokens) {
    int next = 0;
    for (CoreLabel token : tokens) {
      token.remove(EntityTypeAnnotation.class);
    }
    for (EntityMention mention : mentions) {
      while (next < tokens.size() && tokens.get(next).endPosition() <= mention.mention().start()) {
        next++;
      }
      for (int i = next;
          i < tokens.size() && tokens.get(i).beginPosition() < mention.mention().end();
          i++) {
        tokens.get(i).set(EntityTypeAnnotation.class, mention.entity().type().name());
      }
    }
  }

  /** Returns the entities, in order of first mention. */
  public List<Entity> entities() {
    return entities;
  }

  /** Returns every mention, in text order. */
  public List<EntityMention> mentions() {
    return mentions;
  }

  /**
   * Returns the mention itself if it is a name, else the name of the same entity inside the given
   * span (its sentence) nearest to it, if there is one: what a fact should cite.
   */
  public EntityMention preferName(EntityMention mention, int start, int end) {
    if (mention.named()) {
      return mention;
    }
    EntityMention best = mention;
    int bestDistance = Integer.MAX_VALUE;
    for (EntityMention candidate : mentions) {
      if (candidate.named()
          && candidate.entity().equals(mention.entity())
          && candidate.mention().start() >= start
          && candidate.mention().end() <= end) {
        int distance = Math.abs(candidate.mention().start() - mention.mention().start());
        if (distance < bestDistance) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /**
   * Returns the mention that best matches the words between two offsets: the same span first, then
   * a mention holding the span, then a mention inside it, then any overlap; names before pronouns.
   */
  public Optional<EntityMention> at(int start, int end) {
    EntityMention best = null;
    int bestScore = 0;
    for (EntityMention candidate : mentions) {
      int s = candidate.mention().start();
      int e = candidate.mention().end();
      if (s >= end) {
        break;
      }
      if (e <= start) {
        continue;
      }
      int score;
      if (s == start && e == end) {
        score = 8;
      } else if (s <= start && end <= e) {
        score = 6;
      } else if (start <= s && e <= end) {
        score = 4;
      } else {
        score = 2;
      }
      if (candidate.named()) {
        score += 1;
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }
}
