namespace PublicServices.Platform.Storage;

/// <summary>File kinds the portal accepts, identified by content signature, not by name.</summary>
public enum UploadKind { Unknown, Pdf, Jpeg, Png }
