package org.newsgraph.extract.rules;

import edu.stanford.nlp.ling.CoreAnnotation;

/**
 * The kind of position a token's words name, from the role lexicon ({@code rules/roles.tsv}):
 * {@code HEAD} for who leads an organisation ("chief executive", "chairwoman"), {@code FOUNDER},
 * {@code STAFF} for other positions ("engineer", "vice president"), {@code MEMBER} ("board member",
 * "senator"). Rule patterns match it as {@code role}: {@code {role:HEAD}}.
 */
public final class RoleAnnotation implements CoreAnnotation<String> {

  @Override
  public Class<String> getType() {
    return String.class;
  }
}
