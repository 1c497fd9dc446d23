/**
 * The {@code giq://} connector: performance profiles from the GKE Inference Quickstart API ({@code
 * gkerecommender.googleapis.com}), over plain HTTPS and JSON.
 */
package ai.llmd.prism.connector.giq;
