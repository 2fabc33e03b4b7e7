using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Storyline.Reading.Fetching;

namespace Storyline.Tests.Feeds;

/// <summary>The fetcher against a local server: conditional requests, redirects, limits, compression and the SSRF guard.</summary>
public sealed class FeedHttpClientTests
{
    private static readonly FetchOptions Local = FetchOptions.Default with { AllowPrivateAddresses = true };

    [Fact]
    public async Task Validators_are_sent_back_byte_for_byte_and_304_is_not_modified()
    {
        await using var server = await LocalServer.StartAsync();
        const string etag = "W/\"a-weird  etag\"";
        const string lastModified = "Sat, 07 Jun 2025 07:46:00 GMT";
        server.Map("/feed", context =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModified;
            return context.Response.WriteAsync("<rss/>");
        });
        using var client = new FeedHttpClient(Local);

        var first = await client.GetAsync(server.Url("/feed"), null, CancellationToken.None);
        var second = await client.GetAsync(server.Url("/feed"), first.Validators, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(new Validators(etag, lastModified), first.Validators);
        Assert.True(second.NotModified);
        var sent = server.Requests.Last().Headers;
        Assert.Equal(etag, sent["If-None-Match"]);
        Assert.Equal(lastModified, sent["If-Modified-Since"]);
        Assert.True(sent.TryGetValue("User-Agent", out var agent), string.Join(", ", sent.Keys));
        Assert.StartsWith("Storyline/", agent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Permanent_redirects_are_reported_and_temporary_ones_are_not()
    {
        await using var server = await LocalServer.StartAsync();
        server.Map("/old", c => LocalServer.Redirect(c, 301, "/older"));
        server.Map("/older", c => LocalServer.Redirect(c, 308, "/new"));
        server.Map("/temp", c => LocalServer.Redirect(c, 302, "/new"));
        server.Map("/mixed", c => LocalServer.Redirect(c, 301, "/temp"));
        server.Serve("/new", "<rss/>");
        using var client = new FeedHttpClient(Local);

        var permanent = await client.GetAsync(server.Url("/old"), null, CancellationToken.None);
        var temporary = await client.GetAsync(server.Url("/temp"), null, CancellationToken.None);
        var mixed = await client.GetAsync(server.Url("/mixed"), null, CancellationToken.None);

        Assert.Equal(server.Url("/new"), permanent.MovedPermanentlyTo);
        Assert.Null(temporary.MovedPermanentlyTo);
        Assert.Equal(server.Url("/new"), temporary.FinalUri);
        Assert.Null(mixed.MovedPermanentlyTo);
    }

    [Fact]
    public async Task More_than_five_redirects_fail()
    {
        await using var server = await LocalServer.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            var next = $"/r{i + 1}";
            server.Map($"/r{i}", c => LocalServer.Redirect(c, 302, next));
        }

        server.Serve("/r7", "<rss/>");
        using var client = new FeedHttpClient(Local);

        var result = await client.GetAsync(server.Url("/r0"), null, CancellationToken.None);

        Assert.Contains("more than 5 redirects", result.Failure, StringComparison.Ordinal);
        Assert.Equal(0, server.Count("/r7"));
    }

    [Fact]
    public async Task Too_many_requests_reports_retry_after_in_seconds_or_as_a_date()
    {
        await using var server = await LocalServer.StartAsync();
        server.Map("/seconds", c =>
        {
            c.Response.StatusCode = 429;
            c.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });
        server.Map("/date", c =>
        {
            c.Response.StatusCode = 503;
            c.Response.Headers.Date = "Sat, 07 Jun 2025 07:00:00 GMT";
            c.Response.Headers.RetryAfter = "Sat, 07 Jun 2025 09:00:00 GMT";
            return Task.CompletedTask;
        });
        using var client = new FeedHttpClient(Local);

        var seconds = await client.GetAsync(server.Url("/seconds"), null, CancellationToken.None);
        var date = await client.GetAsync(server.Url("/date"), null, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), seconds.RetryAfter);
        Assert.Contains("429", seconds.Failure, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(2), date.RetryAfter);
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        await using var server = await LocalServer.StartAsync();
        server.Map("/slow", async c =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as it should.
            }
        });
        using var client = new FeedHttpClient(Local with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var result = await client.GetAsync(server.Url("/slow"), null, CancellationToken.None);

        Assert.Null(result.Status);
        Assert.Contains("timed out", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_whether_or_not_its_length_is_declared()
    {
        await using var server = await LocalServer.StartAsync();
        var big = new string('x', 5_000);
        server.Serve("/declared", big);
        server.Map("/chunked", async c =>
        {
            for (var i = 0; i < 5; i++)
            {
                await c.Response.WriteAsync(new string('y', 1_000));
                await c.Response.Body.FlushAsync();
            }
        });
        using var client = new FeedHttpClient(Local with { MaxBodyBytes = 2_000 });

        var declared = await client.GetAsync(server.Url("/declared"), null, CancellationToken.None);
        var chunked = await client.GetAsync(server.Url("/chunked"), null, CancellationToken.None);

        Assert.Contains("body larger than", declared.Failure, StringComparison.Ordinal);
        Assert.Contains("body larger than", chunked.Failure, StringComparison.Ordinal);
        Assert.Empty(chunked.Body);
    }

    [Fact]
    public async Task Gzip_bodies_are_asked_for_and_decompressed()
    {
        await using var server = await LocalServer.StartAsync();
        const string feed = "<rss version=\"2.0\"><channel><title>Zipped</title></channel></rss>";
        server.Map("/gz", async c =>
        {
            using var buffer = new MemoryStream();
            await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(feed));
            }

            c.Response.Headers.ContentEncoding = "gzip";
            c.Response.ContentType = "application/rss+xml";
            await c.Response.Body.WriteAsync(buffer.ToArray());
        });
        using var client = new FeedHttpClient(Local);

        var result = await client.GetAsync(server.Url("/gz"), null, CancellationToken.None);

        Assert.Equal(feed, Encoding.UTF8.GetString(result.Body));
        var accepted = server.Requests.Single().Headers["Accept-Encoding"];
        Assert.Contains("gzip", accepted, StringComparison.Ordinal);
        Assert.Contains("br", accepted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_address_is_refused_without_the_setting_and_no_request_leaves()
    {
        await using var server = await LocalServer.StartAsync();
        server.Serve("/feed", "<rss/>");
        server.Map("/to-local", c => LocalServer.Redirect(c, 302, server.Url("/feed").ToString()));
        using var guarded = new FeedHttpClient(FetchOptions.Default);

        var direct = await guarded.GetAsync(server.Url("/feed"), null, CancellationToken.None);
        var byName = await guarded.GetAsync(new Uri($"http://localhost:{server.BaseUri.Port}/feed"), null, CancellationToken.None);

        Assert.Contains("refused", direct.Failure, StringComparison.Ordinal);
        Assert.Contains("refused", byName.Failure, StringComparison.Ordinal);
        Assert.Null(direct.Status);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("100.128.0.1", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("::1", true)]
    [InlineData("::", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::127.0.0.1", true)]
    [InlineData("64:ff9b::a9fe:a9fe", true)]
    [InlineData("2002:c0a8:0101::1", true)]
    [InlineData("2606:4700:4700::1111", false)]
    [InlineData("::ffff:93.184.216.34", false)]
    public void The_guard_refuses_internal_addresses_in_every_spelling(string address, bool refused) =>
        Assert.Equal(refused, AddressGuard.IsRefused(IPAddress.Parse(address)));
}
