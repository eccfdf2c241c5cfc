import ArgumentParser
import Foundation
import KioskMail

/// `kiosk dkim`: the key that signs Kiosk's mail.
struct DKIMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dkim", abstract: "Make the key that signs Kiosk's mail with DKIM.", subcommands: [DKIMKeygen.self])
}

/// `kiosk dkim keygen`: writes a new private key and prints the DNS record and the settings that put it to use.
struct DKIMKeygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a new DKIM private key to a file (mode 0600) and print the DNS TXT record that publishes its public key.",
        discussion: "An existing file is never overwritten. Publish the record, then set KIOSK_DKIM_SELECTOR and KIOSK_DKIM_KEY_FILE for kiosk serve.")

    @Option(help: "The selector, a DNS label such as kiosk2026: the record goes at SELECTOR._domainkey.DOMAIN.")
    var selector: String

    @Option(help: "The signing domain, normally that of the From address (KIOSK_MAIL_FROM).")
    var domain: String

    @Option(help: "The file to write the private key to, in PEM.")
    var out: String

    @Option(help: "rsa or ed25519 (default rsa; mail providers do not all check ed25519 signatures yet).")
    var algorithm = "rsa"

    @Option(help: "The size of an RSA key: 2048, 3072 or 4096 bits (default 2048).")
    var bits: Int?

    func run() async throws {
        try await Kiosk.reportingErrors {
            let key: DKIMKey
            switch algorithm {
            case "rsa":
                key = try DKIMKey.rsa(bits: bits ?? 2048)
            case "ed25519":
                guard bits == nil else { throw Messages.Refusal("--bits is for RSA keys; an Ed25519 key has no size to choose.") }
                key = DKIMKey.ed25519()
            default:
                throw Messages.Refusal("--algorithm must be rsa or ed25519, not “\(algorithm)”.")
            }
            // Checks the selector and the domain before anything is written.
            _ = try DKIMSigner(key: key, domain: domain, selector: selector)
            let path = URL(fileURLWithPath: out).path
            try Self.create(path, contents: key.pemRepresentation)
            print(
                """
                Wrote a new DKIM private key (\(key.summary)) to \(path). Keep it secret: only kiosk needs to read it.

                Publish this DNS TXT record (a provider may ask for the value in quoted strings of at most 255 characters):
                  name:  \(selector)._domainkey.\(domain)
                  value: \(key.dnsRecord)

                Then set, for kiosk serve (and KIOSK_DKIM_DOMAIN=\(domain) if KIOSK_MAIL_FROM is not at \(domain)):
                  KIOSK_DKIM_SELECTOR=\(selector)
                  KIOSK_DKIM_KEY_FILE=\(path)
                """)
        }
    }

    /// Creates the file `path` readable by its owner alone and writes `contents`; refuses when it exists.
    private static func create(_ path: String, contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it exists already, and a key is never overwritten" : String(cString: strerror(errno))
            throw Messages.Refusal("cannot write the key to \(path): \(reason).")
        }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try file.write(contentsOf: Data(contents.utf8))
    }
}
