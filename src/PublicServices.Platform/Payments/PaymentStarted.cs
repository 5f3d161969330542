namespace PublicServices.Platform.Payments;

/// <summary>A new attempt and where the payer goes next: a gateway page, or a QR payload to scan.</summary>
public sealed record PaymentStarted(PaymentRecord Payment, string? RedirectUrl, string? QrPayload);

/// <summary>The fee a dossier is waiting for (from its payment wait).</summary>
public sealed record FeeDue(Guid BookmarkId, long AmountVnd, string DescriptionVi, string DescriptionEn, DateTime ExpiresAt);
