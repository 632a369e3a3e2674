package org.newsgraph.api.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code newsgraph} command line: one launcher, one sub-command per task. Scripts depend on the
 * sub-commands' names and options.
 */
@Command(
    name = "newsgraph",
    mixinStandardHelpOptions = true,
    version = "Newsgraph 0.1.0",
    description =
        "Builds a knowledge graph of people, companies, places, products and events from news articles.",
    footer = {
      "",
      "The benchmarks are a program of their own (the graph-bench module): ./newsgraph bench --help"
    },
    subcommands = {
      ExtractCommand.class,
      IngestCommand.class,
      LoadCommand.class,
      QueryCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CompactCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      CalibrateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Newsgraph implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is missing; the commands are " + commandNames());
  }

  /** Runs the command line and exits with its status; a server runs until it is stopped. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /**
   * Runs the command line.
   *
   * @return 0 on success, 1 when the command failed, 2 for bad usage
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Newsgraph());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine command = e.getCommandLine();
          if (e instanceof CommandLine.UnmatchedArgumentException unmatched
              && command.getParent() == null
              && !unmatched.getUnmatched().isEmpty()) {
            err.println(
                "error: unknown command '"
                    + unmatched.getUnmatched().get(0)
                    + "'; the commands are "
                    + commandNames());
          } else {
            err.println("error: " + e.getMessage());
          }
          err.println("Run 'newsgraph " + commandPath(command) + "--help' for usage.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          err.println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
          return 1;
        });
    return cli.execute(args);
  }

  private static String commandNames() {
    return String.join(
        ", ",
        new CommandLine(new Newsgraph())
            .getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
  }

  private static String commandPath(CommandLine command) {
    return command.getParent() == null ? "" : command.getCommandName() + " ";
  }
}
