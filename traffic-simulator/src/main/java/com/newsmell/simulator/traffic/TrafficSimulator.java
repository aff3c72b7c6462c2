package com.newsmell.simulator.traffic;

import java.io.PrintStream;

/** Command-line entry point; see {@link SimulatorOptions#usage()}. */
public final class TrafficSimulator {

    private TrafficSimulator() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI and returns its exit code (0 success, 1 rejected/undelivered events, 2 bad options). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.HelpRequested e) {
            out.print(SimulatorOptions.usage());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(SimulatorOptions.usage());
            return 2;
        }
        RunReport report = Simulator.run(options, out);
        out.println(report.summaryLine());
        return report.success() ? 0 : 1;
    }
}
