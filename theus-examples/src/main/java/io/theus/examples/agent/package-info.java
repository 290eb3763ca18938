/** The agent deliberation loop as a Flux workflow (SPEC K3). */
package io.theus.examples.agent;
