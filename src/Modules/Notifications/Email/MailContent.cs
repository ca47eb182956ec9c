namespace Platform.Notifications.Email;

/// <summary>A message's words: its subject, its plain-text body and the same as HTML; <see cref="Summary"/> is the in-app line.</summary>
internal sealed record MailContent(string Subject, string Summary, string Text, string Html);
