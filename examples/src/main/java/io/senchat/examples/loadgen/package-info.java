/**
 * The load generator: {@link io.senchat.examples.loadgen.LoadGen} is its command line,
 * {@link io.senchat.examples.loadgen.LoadGenerator} the run, {@link io.senchat.examples.loadgen.LoadReport} the result.
 * It registers users, puts them in groups, connects a real client engine per user over the chosen transport, sends
 * at a fixed rate per client, and checks every delivery against what the server acknowledged: nothing lost, nothing
 * twice, and how long it took. It only ever targets this machine.
 */
package io.senchat.examples.loadgen;
