import Foundation
import NIOSSL

/// A self-signed certificate for `localhost` and 127.0.0.1, valid until 2126, and its key: for tests only.
enum TestCertificate {
    /// The certificate, PEM.
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBnDCCAUGgAwIBAgIUTlnV1+yDca7aDCTwemFERyEhjd0wCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNTAzNDIxM1oYDzIxMjYxMTAx
        MDM0MjEzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAAQXQMkWHakutuZNm3Xa0pPcokKb/ajF7rhUC4wgADHrDGPiEm7/gdrj
        9yFtoEaWtV2an3rbJ+T1v7d1QfZy7Ai/o28wbTAdBgNVHQ4EFgQUNePcUFQGWVs5
        xOf3+fBg5nw9g14wHwYDVR0jBBgwFoAUNePcUFQGWVs5xOf3+fBg5nw9g14wDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSQAwRgIhAPRk77ulssBWY+H5BX1+8ZJ1ZQrRBh3RtYaZyguPfefRAiEA
        g87XI36f5x0MLKGOpThwir+5IfLjahkfLuW2JA6SObM=
        -----END CERTIFICATE-----
        """

    /// The private key, PEM.
    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJQLyYQt6vncUdsEP
        lKvX1SVZngakz2yaIByDvAGy+tKhRANCAAQXQMkWHakutuZNm3Xa0pPcokKb/ajF
        7rhUC4wgADHrDGPiEm7/gdrj9yFtoEaWtV2an3rbJ+T1v7d1QfZy7Ai/
        -----END PRIVATE KEY-----
        """

    /// A TLS server context presenting the certificate.
    static func serverContext() throws -> NIOSSLContext {
        let certificate = try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        return try NIOSSLContext(
            configuration: .makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        )
    }

    /// Writes the certificate to a temporary file (the same one each time) and returns its path, for `SMTPConfiguration.trustRootsFile`.
    static func writeCertificateFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-mail-test-ca.pem").path
        try certificatePEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
