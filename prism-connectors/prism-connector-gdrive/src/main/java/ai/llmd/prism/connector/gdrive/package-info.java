/**
 * The {@code gdrive://} connector: Google Drive folders and files through the official Drive v3
 * client, Google Sheets read per tab through the Sheets v4 values API.
 */
package ai.llmd.prism.connector.gdrive;
