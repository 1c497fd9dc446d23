package ai.llmd.prism.charts.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgWriterTest {

  @Test
  void writesAttributesInTheOrderGiven() {
    String xml =
        new SvgWriter(64)
            .start("rect")
            .attr("y", 2)
            .attr("x", 1)
            .attr("class", "b a")
            .end()
            .finish();

    assertThat(xml).isEqualTo("<rect y=\"2\" x=\"1\" class=\"b a\"/>\n");
  }

  @Test
  void escapesMarkupAndQuotesInTextAndAttributes() {
    String hostile = "<script>alert(\"x\")</script> & 'q' ]]>";
    String xml =
        new SvgWriter(64)
            .start("svg")
            .attr("xmlns", SvgWriter.SVG_NS)
            .start("text")
            .attr("class", hostile)
            .text(hostile)
            .end()
            .end()
            .finish();

    assertThat(xml)
        .contains(
            "class=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q' ]]&gt;\"",
            ">&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' ]]&gt;</text>")
        .doesNotContain("<script");
    Element text = (Element) Svg.parse(xml).getElementsByTagNameNS(Svg.NS, "text").item(0);
    assertThat(text.getTextContent()).isEqualTo(hostile);
    assertThat(text.getAttribute("class")).isEqualTo(hostile);
  }

  @Test
  void replacesCharactersXmlCannotCarryAndKeepsSupplementaryOnes() {
    String xml =
        new SvgWriter(64)
            .start("text")
            .attr("xmlns", SvgWriter.SVG_NS)
            .text("a\u0000b\u001Fc\uD800d\uFFFEe\uD83D\uDE80f")
            .end()
            .finish();

    assertThat(Svg.parse(xml).getDocumentElement().getTextContent())
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uD83D\uDE80f");
  }

  @Test
  void keepsNewlinesInAttributesThroughParsing() {
    String xml =
        new SvgWriter(64)
            .start("g")
            .attr("xmlns", SvgWriter.SVG_NS)
            .attr("data", "a\nb\tc")
            .end()
            .finish();

    assertThat(Svg.parse(xml).getDocumentElement().getAttribute("data")).isEqualTo("a\nb\tc");
  }

  @Test
  void keepsTitlesOnTheirParentsLineAndTextFreeOfAddedWhitespace() {
    String xml =
        new SvgWriter(64)
            .start("g")
            .start("circle")
            .attr("r", 1)
            .title("tip")
            .end()
            .start("text")
            .title("full")
            .text("cut")
            .end()
            .end()
            .finish();

    assertThat(xml)
        .isEqualTo(
            "<g>\n<circle r=\"1\"><title>tip</title></circle>\n<text><title>full</title>cut</text>\n</g>\n");
  }

  @Test
  void refusesAttributesAfterContentAndUnclosedDocuments() {
    SvgWriter w = new SvgWriter(16).start("text").text("x");
    assertThatThrownBy(() -> w.attr("x", "1")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
  }
}
