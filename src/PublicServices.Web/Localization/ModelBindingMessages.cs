using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace PublicServices.Web.Localization;

/// <summary>The framework's own model-binding messages ("The value '' is invalid") in the portal's languages.</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider provider, IStringLocalizer l)
    {
        provider.SetValueMustNotBeNullAccessor(_ => l["Validation.Required"]);
        provider.SetMissingBindRequiredValueAccessor(_ => l["Validation.Required"]);
        provider.SetMissingKeyOrValueAccessor(() => l["Validation.Required"]);
        provider.SetValueIsInvalidAccessor(v => l["Validation.Invalid", v]);
        provider.SetAttemptedValueIsInvalidAccessor((v, _) => l["Validation.Invalid", v]);
        provider.SetUnknownValueIsInvalidAccessor(_ => l["Validation.Invalid", ""]);
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.Invalid", v]);
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.Invalid", ""]);
        provider.SetValueMustBeANumberAccessor(_ => l["Validation.Number"]);
        provider.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.Number"]);
        provider.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.Required"]);
    }
}
