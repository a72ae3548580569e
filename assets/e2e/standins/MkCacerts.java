// MkCacerts: writes a Java trust store (PKCS12, password "changeit", as Debian's ca-certificates-java)
// holding every certificate of a PEM bundle. Used to give the Java stand-in /etc/ssl/certs/java/cacerts.
// Usage: java MkCacerts.java /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/java/cacerts
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

public class MkCacerts {
  public static void main(String[] args) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int count = 0;
    try (InputStream in = new BufferedInputStream(new FileInputStream(args[0]))) {
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("debian:" + count++, cert);
      }
    }
    try (OutputStream out = new FileOutputStream(args[1])) {
      store.store(out, "changeit".toCharArray());
    }
    System.out.println(count + " certificates");
  }
}
