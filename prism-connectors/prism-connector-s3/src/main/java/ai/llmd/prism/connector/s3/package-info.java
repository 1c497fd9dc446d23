/** The {@code s3://} connector: Amazon S3 and S3-compatible stores through AWS SDK v2. */
package ai.llmd.prism.connector.s3;
