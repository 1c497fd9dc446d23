package ai.llmd.prism.cli;

import ai.llmd.prism.api.BenchmarkPoint;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON output of the analysis commands: pretty, stable key order. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A point as analysis output refers to it: what it is, its load level, and where it is from. */
  static ObjectNode point(BenchmarkPoint p) {
    ObjectNode n = object();
    n.put("configuration", Describe.configuration(p));
    n.put("load", Describe.load(p));
    n.put("uri", p.provenance().source().toString());
    n.put("format", p.provenance().format());
    n.put("location", p.provenance().location());
    return n;
  }

  static void print(PrintWriter out, Object node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
