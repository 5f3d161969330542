namespace PublicServices.Workflows.Definitions;

/// <summary>A text given in Vietnamese and English; every user-facing text in a definition has both.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>The text for a culture name ("vi", "vi-VN", "en", "en-US"); Vietnamese is the default.</summary>
    public string For(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;
}
