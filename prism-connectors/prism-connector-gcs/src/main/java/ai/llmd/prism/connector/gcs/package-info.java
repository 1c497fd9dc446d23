/** The {@code gs://} connector: Google Cloud Storage through the google-cloud-storage client. */
package ai.llmd.prism.connector.gcs;
