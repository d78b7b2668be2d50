import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers HTTP/1 requests from the site in memory.
final class SiteHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let site: ServedSite
    private var head: HTTPRequestHead?

    init(site: ServedSite) { self.site = site }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request): head = request
        case .body: break
        case .end:
            guard let request = head else { return }
            head = nil
            respond(to: request, context: context)
        }
    }

    func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        let answer: (status: Int, type: String, body: [UInt8])
        if request.method == .GET || request.method == .HEAD {
            answer = site.response(for: request.uri)
        } else {
            answer = (405, "text/plain; charset=utf-8", Array("growth serve answers GET only\n".utf8))
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: answer.type)
        headers.add(name: "Content-Length", value: "\(answer.body.count)")
        headers.add(name: "Cache-Control", value: "no-store")
        let keepAlive = request.isKeepAlive
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(
            version: request.version, status: .init(statusCode: answer.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if request.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: answer.body.count)
            buffer.writeBytes(answer.body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if !keepAlive { context.close(promise: nil) }
    }
}

/// The HTTP server of `growth serve`, on SwiftNIO.
enum HTTPServer {
    /// Binds `host:port` (port 0: any free port) and returns the channel.
    static func start(site: ServedSite, host: String, port: Int, group: EventLoopGroup) async throws -> Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(SiteHandler(site: site))
                }
            }
        return try await bootstrap.bind(host: host, port: port).get()
    }
}
