using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PublicServices.Web.Tests.Support;

/// <summary>A fetched HTML page and the plain form posts a browser without JavaScript would make from it.</summary>
public sealed class HtmlPage(HttpResponseMessage response, IHtmlDocument document)
{
    public HttpResponseMessage Response { get; } = response;
    public IHtmlDocument Document { get; } = document;
    public HttpStatusCode Status => Response.StatusCode;
    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }

    public static async Task<HtmlPage> ParseAsync(HttpResponseMessage response) =>
        new(response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));

    /// <summary>Fills the form posting to <paramref name="action"/> (hidden fields, antiforgery token included) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string action, IReadOnlyDictionary<string, string> values)
    {
        var form = Document.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
                   ?? throw new InvalidOperationException($"No form posting to {action} on the page");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is not null && i.Type is "hidden")
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (key, value) in values)
            fields[key] = value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public string? FieldError(string field) => Document.GetElementById(field + "-error")?.TextContent.Trim();
}
