package ai.llmd.prism.core.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.ssl.SSLSocketFactory;

/**
 * Layers TLS over a connection only once the address it actually reached has passed a check, so the
 * address checked is the address connected to, whatever DNS answers in between (no rebinding
 * between check and connect). The name still goes to TLS, which verifies the certificate for it.
 *
 * <p>It makes no unconnected sockets: {@code SocketFactory.createSocket()} refuses, and {@code
 * HttpsURLConnection} then connects a plain socket itself and hands it to {@link
 * #createSocket(Socket, String, int, boolean)}, which checks it before a byte is sent. Should a JDK
 * stop doing so, the connection fails rather than going unchecked.
 */
final class CheckedPeerSocketFactory extends SSLSocketFactory {

  /** Refuses an address, saying why. */
  interface PeerCheck {
    void check(InetAddress peer) throws IOException;
  }

  private final SSLSocketFactory tls;
  private final PeerCheck check;

  CheckedPeerSocketFactory(SSLSocketFactory tls, PeerCheck check) {
    this.tls = tls;
    this.check = check;
  }

  @Override
  public Socket createSocket(Socket connected, String host, int port, boolean autoClose)
      throws IOException {
    InetAddress peer = connected.getInetAddress();
    try {
      if (peer == null) {
        throw new IOException("not connected to " + host);
      }
      check.check(peer);
    } catch (IOException | RuntimeException e) {
      connected.close();
      throw e;
    }
    return tls.createSocket(connected, host, port, autoClose);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return layered(new InetSocketAddress(host, port), null, host);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return layered(
        new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort), host);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return layered(new InetSocketAddress(host, port), null, host.getHostName());
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return layered(
        new InetSocketAddress(address, port),
        new InetSocketAddress(localAddress, localPort),
        address.getHostName());
  }

  private Socket layered(InetSocketAddress remote, SocketAddress local, String host)
      throws IOException {
    Socket s = new Socket();
    try {
      if (local != null) {
        s.bind(local);
      }
      s.connect(remote);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
    return createSocket(s, host, remote.getPort(), true);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }
}
