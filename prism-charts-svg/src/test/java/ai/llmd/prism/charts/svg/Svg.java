package ai.llmd.prism.charts.svg;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Test helpers over the JDK's namespace-aware DOM parser. */
final class Svg {

  static final String NS = "http://www.w3.org/2000/svg";

  private Svg() {}

  static Document parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    }
  }

  static List<Element> all(Document doc, String localName) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static boolean hasClass(Element e, String cls) {
    return List.of(e.getAttribute("class").split(" ")).contains(cls);
  }

  /** Elements with this class, in document order. */
  static List<Element> byClass(Document doc, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (hasClass(e, cls)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of an element's {@code <title>} child, or null. */
  static String title(Element e) {
    for (Element c : children(e)) {
      if (c.getLocalName().equals("title")) {
        return c.getTextContent();
      }
    }
    return null;
  }

  /** The element's own text, without that of its {@code <title>}. */
  static String ownText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.TEXT_NODE) {
        sb.append(n.getNodeValue());
      }
    }
    return sb.toString();
  }

  /** The markers of every series: one element per drawn point or bar. */
  static List<Element> marks(Document doc) {
    List<Element> out = new ArrayList<>();
    for (Element g : byClass(doc, "series")) {
      for (Element c : children(g)) {
        if (hasClass(c, "marks")) {
          out.addAll(children(c));
        } else if (hasClass(c, "bar")) {
          out.add(c);
        }
      }
    }
    return out;
  }

  static double num(Element e, String attr) {
    return Double.parseDouble(e.getAttribute(attr));
  }
}
