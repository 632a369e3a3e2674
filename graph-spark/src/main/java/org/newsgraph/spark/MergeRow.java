package org.newsgraph.spark;

import java.io.Serializable;
import org.newsgraph.core.resolve.EntityMerges;

/** One merge of the resolution pass, as a Spark row and a line of {@code merges/}. */
public class MergeRow implements Serializable {

  private String from;
  private String to;
  private String fromName;
  private String toName;
  private String rule;

  /** For Spark's encoder. */
  public MergeRow() {}

  static MergeRow of(EntityMerges.Merge merge) {
    MergeRow row = new MergeRow();
    row.from = merge.from();
    row.to = merge.to();
    row.fromName = merge.fromName();
    row.toName = merge.toName();
    row.rule = merge.rule();
    return row;
  }

  EntityMerges.Merge merge() {
    return new EntityMerges.Merge(from, to, fromName, toName, rule);
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getFromName() {
    return fromName;
  }

  public void setFromName(String fromName) {
    this.fromName = fromName;
  }

  public String getToName() {
    return toName;
  }

  public void setToName(String toName) {
    this.toName = toName;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }
}
