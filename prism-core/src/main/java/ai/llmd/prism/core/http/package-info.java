/** Single objects over HTTPS (and loopback HTTP), with bounded sizes and safe redirects. */
package ai.llmd.prism.core.http;
