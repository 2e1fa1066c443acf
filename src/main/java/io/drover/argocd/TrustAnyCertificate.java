package io.drover.argocd;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code drover.argocd.insecure}: accepts any server certificate and any host name, for a dev
 * Argo CD with a self-signed certificate. The host name check lives in the JDK's own trust
 * manager, so replacing it for this one client leaves every other connection checked.
 */
final class TrustAnyCertificate extends X509ExtendedTrustManager {

    private TrustAnyCertificate() {
    }

    static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustAnyCertificate()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Trusted by the user's choice (drover.argocd.insecure).
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Trusted by the user's choice (drover.argocd.insecure).
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Trusted by the user's choice (drover.argocd.insecure).
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("Drover is never the server of this connection");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("Drover is never the server of this connection");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("Drover is never the server of this connection");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
