import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KioskCore
@testable import KioskServer
import KioskTestSupport
import Testing

@Suite("Clients behind proxies, and the node that answers")
struct ClientAddressTests {
    @Test("addresses and ranges are read as written; IPv4 mapped into IPv6 counts as IPv4")
    func addresses() throws {
        #expect(IPAddress("192.0.2.7")?.description == "192.0.2.7")
        #expect(IPAddress("::ffff:192.0.2.7") == IPAddress("192.0.2.7"))
        #expect(IPAddress("[2001:db8::1]")?.bytes.count == 16)
        for bad in ["", "example.org", "192.0.2", "1.2.3.4.5", "2001:db8:::1", "300.1.1.1"] { #expect(IPAddress(bad) == nil, "\(bad)") }
        let office = try #require(AddressRange("10.0.0.0/8"))
        let (inside, outside) = (try #require(IPAddress("10.200.3.4")), try #require(IPAddress("11.0.0.1")))
        #expect(office.contains(inside) && !office.contains(outside))
        let six = try #require(AddressRange("2001:db8:aa::/48"))
        let (near, far) = (try #require(IPAddress("2001:db8:aa:1::9")), try #require(IPAddress("2001:db8:ab::1")))
        #expect(six.contains(near) && !six.contains(far) && !six.contains(inside))
        #expect(AddressRange("127.0.0.1")?.prefixLength == 32)
        for bad in ["10.0.0.0/33", "2001:db8::/129", "10.0.0.0/x", "localhost", "/8"] { #expect(AddressRange(bad) == nil, "\(bad)") }
    }

    @Test("limits count IPv4 clients by address and IPv6 clients by their /64")
    func limitKeys() throws {
        #expect(IPAddress("203.0.113.9")?.limitKey == "203.0.113.9")
        #expect(IPAddress("2001:db8:1:2:aaaa::1")?.limitKey == IPAddress("2001:db8:1:2:ffff::9")?.limitKey)
        #expect(IPAddress("2001:db8:1:2::1")?.limitKey != IPAddress("2001:db8:1:3::1")?.limitKey)
    }

    func request(_ headers: HTTPFields) -> Request {
        Request(head: HTTPRequest(method: .get, scheme: "http", authority: "gazette.example", path: "/", headerFields: headers), body: .init(buffer: ByteBuffer()))
    }

    @Test("only trusted proxies are believed, and the client is the last address they did not add")
    func trustedProxies() throws {
        let middleware = ClientAddressMiddleware(trustedProxies: [try #require(AddressRange("127.0.0.1")), try #require(AddressRange("10.0.0.0/8"))])
        let proxy = IPAddress("127.0.0.1")
        let stranger = IPAddress("198.51.100.4")
        let forwarded: HTTPFields = [.xForwardedFor: "192.0.2.1, 203.0.113.5, 10.1.2.3"]
        #expect(middleware.client(of: request(forwarded), connectedFrom: proxy) == IPAddress("203.0.113.5"), "the spoofable first entry is skipped")
        #expect(middleware.client(of: request(forwarded), connectedFrom: stranger) == stranger, "a stranger's header is ignored")
        #expect(middleware.client(of: request([.xForwardedFor: "10.9.9.9"]), connectedFrom: proxy) == IPAddress("10.9.9.9"))
        #expect(middleware.client(of: request([.xForwardedFor: "junk, ;;"]), connectedFrom: proxy) == proxy)
        #expect(middleware.client(of: request([:]), connectedFrom: proxy) == proxy)
        let standard: HTTPFields = [.forwarded: "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"", .xForwardedFor: "198.51.100.99"]
        #expect(middleware.client(of: request(standard), connectedFrom: proxy) == IPAddress("2001:db8:cafe::17"), "Forwarded wins")
        #expect(ClientAddressMiddleware(trustedProxies: []).client(of: request(forwarded), connectedFrom: proxy) == proxy)
    }

    @Test("behind a trusted proxy, sign-up limits count each forwarded client, not the proxy")
    func limitsPerClient() async throws {
        let site = try await TestSite.make(trustedProxies: [try #require(AddressRange("127.0.0.1")), try #require(AddressRange("::1"))])
        try await site.application.test(.live) { client in
            func signUp(_ number: Int, from address: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: "/newsletter/subscribe", method: .post,
                    headers: [.contentType: "application/x-www-form-urlencoded", .xForwardedFor: address],
                    body: ByteBuffer(string: "email=reader\(number)%40example.org&newsletter=weekly-roundup")
                ).status
            }
            for number in 0..<SignUps.perNetwork.maximum {
                let status = try await signUp(number, from: "203.0.113.1")
                #expect(status == .ok)
            }
            let refused = try await signUp(100, from: "203.0.113.1")
            #expect(refused == .tooManyRequests)
            let other = try await signUp(101, from: "203.0.113.2")
            #expect(other == .ok, "another client behind the same proxy is not refused")
        }
    }

    @Test("every response names the node that answered, cached pages and errors too")
    func nodeHeader() async throws {
        let site = try await TestSite.make()
        try await site.application.test(.router) { client in
            for path in ["/", "/", "/articles/letter-two", "/no-such-page", "/api/content/v1/articles", "/admin/articles", "/media/test-harbour.svg", "/feed.xml"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[HTTPField.Name("X-Kiosk-Node")!] == "test-node", "\(path)")
            }
        }
    }

    @Test("behind a trusted proxy, plain HTTP is sent to HTTPS; a stranger's scheme header is ignored; HSTS and Secure always")
    func httpsOnly() async throws {
        let proxied = try await TestSite.make(trustedProxies: [try #require(AddressRange("127.0.0.1")), try #require(AddressRange("::1"))])
        try await proxied.application.test(.live) { client in
            let plain = try await client.execute(uri: "/latest?page=2", method: .get, headers: [.xForwardedProto: "http"])
            #expect(plain.status == .movedPermanently && plain.headers[.location] == "https://gazette.example/latest?page=2")
            let standard = try await client.execute(uri: "/latest", method: .get, headers: [.forwarded: "for=192.0.2.1;proto=http"])
            #expect(standard.status == .movedPermanently)
            let form = try await client.execute(
                uri: "/newsletter/subscribe", method: .post,
                headers: [.xForwardedProto: "http", .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "email=a%40example.org"))
            #expect(form.status == .permanentRedirect, "a form keeps its method and body")
            let secure = try await client.execute(uri: "/admin/login", method: .get, headers: [.xForwardedProto: "https"])
            #expect(secure.status == .ok)
            #expect(secure.headers[.strictTransportSecurity] == "max-age=31536000")
            #expect(secure.headers[.setCookie]?.contains("Secure") == true)
        }
        let direct = try await TestSite.make()
        try await direct.application.test(.live) { client in
            let response = try await client.execute(uri: "/admin/login", method: .get, headers: [.xForwardedProto: "http"])
            #expect(response.status == .ok, "an untrusted peer's X-Forwarded-Proto decides nothing")
            #expect(response.headers[.setCookie]?.contains("Secure") == true, "the public URL is HTTPS, so cookies are Secure whatever was said")
            #expect(response.headers[.strictTransportSecurity] == "max-age=31536000")
        }
    }
}
