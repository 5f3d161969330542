using PublicServices.Workflows.CodeLists;
using PublicServices.Workflows.Definitions;

namespace PublicServices.Platform.Forms;

/// <summary>How a chosen code reads to people: the code list's or the option's name in a language, else the code itself.</summary>
public static class FieldDisplay
{
    public static string Name(FieldDefinition field, string code, CodeListCatalog codeLists, string language) =>
        field.CodeList is { } list ? codeLists.Find(list)?.Find(code)?.Name.For(language) ?? code
        : field.Options.FirstOrDefault(o => o.Value == code)?.Label.For(language) ?? code;
}
