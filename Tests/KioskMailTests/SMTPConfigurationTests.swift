import Testing

@testable import KioskMail

@Suite struct SMTPConfigurationTests {
    @Test func plainURLUsesPort25AndSTARTTLSWhenOffered() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mail.example.org")
        #expect(configuration == SMTPConfiguration(host: "mail.example.org", port: 25, security: .startTLSIfOffered))
        #expect(configuration.heloName == "localhost")
        #expect(configuration.connectTimeout == .seconds(10))
        #expect(configuration.commandTimeout == .seconds(60))
        #expect(configuration.verifyCertificates)
    }

    @Test func fullURLIsPercentDecoded() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://news%40kiosk.example:p%40ss%3Aw%2Ford@mail.example.org:587?starttls=required&ca=/etc/kiosk/ca.pem&verify=false"
        )
        #expect(configuration.host == "mail.example.org")
        #expect(configuration.port == 587)
        #expect(configuration.security == .startTLS)
        #expect(configuration.username == "news@kiosk.example")
        #expect(configuration.password == "p@ss:w/ord")
        #expect(configuration.trustRootsFile == "/etc/kiosk/ca.pem")
        #expect(!configuration.verifyCertificates)
    }

    @Test func smtpsUsesImplicitTLSOnPort465() throws {
        let configuration = try SMTPConfiguration(url: "smtps://user:secret@mail.example.org")
        #expect(configuration.security == .implicitTLS)
        #expect(configuration.port == 465)
    }

    @Test func starttlsNeverTurnsTLSOff() throws {
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525?starttls=never").security == SMTPSecurity.none)
    }

    @Test func ipv6HostLosesItsBrackets() throws {
        let configuration = try SMTPConfiguration(url: "smtp://[::1]:2525")
        #expect(configuration.host == "::1")
        #expect(configuration.redactedDescription == "smtp://[::1]:2525")
    }

    @Test func redactedDescriptionHasNoPassword() throws {
        let configuration = try SMTPConfiguration(url: "smtp://news%40kiosk.example:hunter2@mail.example.org:587?starttls=required&verify=false")
        #expect(configuration.redactedDescription == "smtp://news%40kiosk.example@mail.example.org:587?starttls=required&verify=false")
        #expect(try SMTPConfiguration(url: "smtps://u:p@mail.example.org").redactedDescription == "smtps://u@mail.example.org:465")
    }

    @Test(arguments: [
        ("http://mail.example.org", "the scheme must be smtp or smtps, not “http”"),
        ("mail.example.org", "it is not a URL like smtp://user:password@mail.example.org:587"),
        ("smtp://", "it names no host"),
        ("smtp://mail.example.org:0", "the port 0 is not between 1 and 65535"),
        ("smtp://mail.example.org:99999", "the port 99999 is not between 1 and 65535"),
        ("smtp://mail.example.org/inbox", "it must not have a path"),
        ("smtp://mail.example.org#x", "it must not have a fragment (#…)"),
        ("smtp://user@mail.example.org", "the user name has no password (user:password@host)"),
        ("smtp://:secret@mail.example.org", "it has a password but no user name"),
        ("smtp://mail.example.org?starttls=maybe", "starttls must be “required” or “never”"),
        ("smtps://mail.example.org?starttls=required", "starttls does not apply to smtps://, which uses TLS from the start"),
        ("smtp://mail.example.org?ca=", "ca needs the path of a PEM file"),
        ("smtp://mail.example.org?verify=no", "verify must be “true” or “false”"),
        ("smtp://mail.example.org?tls=yes", "the option “tls” is unknown (use starttls, ca or verify)"),
    ])
    func badURLsSayWhatIsWrong(url: String, problem: String) {
        #expect(throws: MailError.invalidURL(problem)) { try SMTPConfiguration(url: url) }
    }

    @Test func errorsNeverQuoteThePassword() {
        let error = #expect(throws: MailError.self) { try SMTPConfiguration(url: "smtp://user:hunter2@mail.example.org:70000") }
        #expect(error.map { !$0.description.contains("hunter2") } == true)
    }
}
