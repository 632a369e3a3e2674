package org.newsgraph.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SaveMode;

/** Writes text outputs as Spark's part files, named with the extension of what they hold. */
final class PartFiles {

  private PartFiles() {}

  /**
   * Writes the lines into the folder, one part file per partition, then renames the parts from
   * Spark's {@code .txt} to the extension given (Spark names every text output alike).
   */
  static void writeText(Dataset<String> lines, String folder, String extension, boolean gzip) {
    lines
        .write()
        .mode(SaveMode.ErrorIfExists)
        .option("compression", gzip ? "gzip" : "none")
        .text(folder);
    String written = gzip ? ".txt.gz" : ".txt";
    try {
      Path path = new Path(folder);
      FileSystem files =
          path.getFileSystem(lines.sparkSession().sparkContext().hadoopConfiguration());
      for (FileStatus part : files.listStatus(path)) {
        String name = part.getPath().getName();
        if (name.startsWith("part-") && name.endsWith(written)) {
          String renamed = name.substring(0, name.length() - written.length()) + extension;
          files.rename(part.getPath(), new Path(path, renamed));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot name the parts in " + folder, e);
    }
  }
}
