package ai.llmd.prism.connector.gdrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a service-account key file with a fresh RSA key whose token endpoint is a test's. */
final class ServiceAccountKey {

  /** The private key id in the file: not a secret in itself, but it must not be printed either. */
  static final String KEY_ID = "prismKeyIdQ7x2Lm";

  private ServiceAccountKey() {}

  static Path write(String tokenUri) throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, String> key = new LinkedHashMap<>();
    key.put("type", "service_account");
    key.put("project_id", "prism-test");
    key.put("private_key_id", KEY_ID);
    key.put("private_key", pem);
    key.put("client_email", "prism@prism-test.iam.gserviceaccount.com");
    key.put("client_id", "1234567890");
    key.put("token_uri", tokenUri);
    Path file = Files.createTempFile("prism-sa-", ".json");
    file.toFile().deleteOnExit();
    new ObjectMapper().writeValue(file.toFile(), key);
    return file;
  }

  /** The PEM body of the key in {@code file}, for asserting that it is never printed. */
  static String privateKeyBody(Path file) throws IOException {
    String pem = new ObjectMapper().readTree(file.toFile()).path("private_key").asText();
    return pem.split("\n")[1];
  }
}
