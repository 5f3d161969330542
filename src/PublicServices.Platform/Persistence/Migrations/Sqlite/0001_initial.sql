CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "Cccd" TEXT NULL,
    "DateOfBirth" TEXT NULL,
    "UnitCode" TEXT NULL,
    "IsOfficial" INTEGER NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_attachments" PRIMARY KEY,
    "OwnerId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Width" INTEGER NULL,
    "Height" INTEGER NULL,
    "StorageKey" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "DossierCode" TEXT NULL
);


CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "IpAddress" TEXT NULL
);


CREATE TABLE "batch_jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_batch_jobs" PRIMARY KEY,
    "Signal" TEXT NOT NULL,
    "Key" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Processed" INTEGER NOT NULL,
    "Refused" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "LastError" TEXT NULL,
    "StartAt" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);


CREATE TABLE "dataset_imports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dataset_imports" PRIMARY KEY,
    "Dataset" TEXT NOT NULL,
    "FileSha256" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "LastLine" INTEGER NOT NULL,
    "Records" INTEGER NOT NULL,
    "TotalRecords" INTEGER NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL
);


CREATE TABLE "dataset_records" (
    "Dataset" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "DataJson" TEXT NOT NULL,
    CONSTRAINT "PK_dataset_records" PRIMARY KEY ("Dataset", "Key")
);


CREATE TABLE "dossiers" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_dossiers" PRIMARY KEY,
    "ProcedureId" TEXT NOT NULL,
    "ProcedureVersion" INTEGER NOT NULL,
    "ApplicantId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "AgencyCode" TEXT NOT NULL,
    "IdempotencyKey" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "DueDate" TEXT NULL,
    "DeclarationVersion" TEXT NOT NULL,
    "DeclaredAt" TEXT NOT NULL,
    "ParentDossierCode" TEXT NULL,
    "UniqueKey" TEXT NULL
);


CREATE TABLE "drafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_drafts" PRIMARY KEY,
    "ApplicantId" TEXT NOT NULL,
    "ProcedureId" TEXT NOT NULL,
    "ProcedureVersion" INTEGER NOT NULL,
    "DataJson" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "ParentDossierCode" TEXT NULL
);


CREATE TABLE "issued_documents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_issued_documents" PRIMARY KEY,
    "VerificationCode" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "AgencyCode" TEXT NOT NULL,
    "TemplateId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "BookmarkId" TEXT NOT NULL,
    "DossierCode" TEXT NULL,
    "ApplicantId" TEXT NULL,
    "HolderName" TEXT NULL,
    "IssuedAt" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StorageKey" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Signed" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedBy" TEXT NULL,
    "RevokedReason" TEXT NULL
);


CREATE TABLE "notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_notifications" PRIMARY KEY,
    "OutboxMessageId" TEXT NULL,
    "RecipientId" TEXT NOT NULL,
    "DossierCode" TEXT NULL,
    "Template" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "SubjectVi" TEXT NOT NULL,
    "BodyVi" TEXT NOT NULL,
    "SubjectEn" TEXT NOT NULL,
    "BodyEn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "FailureReason" TEXT NULL,
    "Address" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastAttemptAt" TEXT NULL,
    "SentAt" TEXT NULL
);


CREATE TABLE "outbox_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_outbox_messages" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "InstanceId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DueAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ProcessedAt" TEXT NULL
);


CREATE TABLE "payment_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_payment_events" PRIMARY KEY AUTOINCREMENT,
    "PaymentId" TEXT NULL,
    "Reference" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "RawJson" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "At" TEXT NOT NULL
);


CREATE TABLE "payments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_payments" PRIMARY KEY,
    "Reference" TEXT NOT NULL,
    "DossierCode" TEXT NOT NULL,
    "ApplicantId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "BookmarkId" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "AmountVnd" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "ProviderTxnId" TEXT NULL,
    "ResponseCode" TEXT NULL,
    "Flag" TEXT NULL
);


CREATE TABLE "sandbox_gateway" (
    "Reference" TEXT NOT NULL CONSTRAINT "PK_sandbox_gateway" PRIMARY KEY,
    "AmountVnd" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "ReturnUrl" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TxnId" TEXT NULL,
    "ResponseCode" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NULL
);


CREATE TABLE "sequences" (
    "Scope" TEXT NOT NULL CONSTRAINT "PK_sequences" PRIMARY KEY,
    "Last" INTEGER NOT NULL
);


CREATE TABLE "tasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tasks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "ProcedureId" TEXT NOT NULL,
    "ProcedureVersion" INTEGER NOT NULL,
    "StepId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UnitCode" TEXT NOT NULL,
    "DossierCode" TEXT NULL,
    "ApplicantName" TEXT NOT NULL,
    "Cccd" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "SubmittedAt" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DueAt" TEXT NULL,
    "QueueOrder" TEXT NOT NULL,
    "EscalateTo" TEXT NULL,
    "EscalatedAt" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedByName" TEXT NULL,
    "ClaimedAt" TEXT NULL
);


CREATE TABLE "units" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_units" PRIMARY KEY,
    "NameVi" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "Place" TEXT NULL,
    "SuperiorNameVi" TEXT NULL
);


CREATE TABLE "workflow_bookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_workflow_bookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Key" TEXT NULL,
    "DueAt" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseUntil" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "RemindAt" TEXT NULL,
    "RemindedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Dataset" TEXT NULL,
    "DataKey" TEXT NULL
);


CREATE TABLE "workflow_definitions" (
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "LoadedAt" TEXT NOT NULL,
    CONSTRAINT "PK_workflow_definitions" PRIMARY KEY ("DefinitionId", "Version")
);


CREATE TABLE "workflow_incidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_workflow_incidents" PRIMARY KEY,
    "InstanceId" TEXT NULL,
    "StepId" TEXT NULL,
    "Source" TEXT NOT NULL,
    "OutboxMessageId" TEXT NULL,
    "Error" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "ResolvedBy" TEXT NULL
);


CREATE TABLE "workflow_instances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_workflow_instances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StateJson" TEXT NOT NULL,
    "Result" TEXT NULL,
    "Revision" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "workflow_journal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_workflow_journal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Actor" TEXT NULL,
    "At" TEXT NOT NULL,
    "Summary" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE INDEX "IX_AspNetUsers_Cccd" ON "AspNetUsers" ("Cccd");


CREATE INDEX "IX_AspNetUsers_UnitCode" ON "AspNetUsers" ("UnitCode");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_attachments_DossierCode" ON "attachments" ("DossierCode") WHERE "DossierCode" IS NOT NULL;


CREATE INDEX "IX_attachments_OwnerId" ON "attachments" ("OwnerId");


CREATE INDEX "IX_audit_log_At" ON "audit_log" ("At");


CREATE INDEX "IX_audit_log_Target_Id" ON "audit_log" ("Target", "Id");


CREATE INDEX "IX_audit_log_UserId_Id" ON "audit_log" ("UserId", "Id");


CREATE INDEX "IX_batch_jobs_Status_StartAt" ON "batch_jobs" ("Status", "StartAt");


CREATE UNIQUE INDEX "IX_dataset_imports_Dataset_FileSha256" ON "dataset_imports" ("Dataset", "FileSha256");


CREATE UNIQUE INDEX "IX_dossiers_ApplicantId_IdempotencyKey" ON "dossiers" ("ApplicantId", "IdempotencyKey");


CREATE UNIQUE INDEX "IX_dossiers_InstanceId" ON "dossiers" ("InstanceId");


CREATE INDEX "IX_dossiers_ParentDossierCode" ON "dossiers" ("ParentDossierCode") WHERE "ParentDossierCode" IS NOT NULL;


CREATE UNIQUE INDEX "IX_dossiers_ProcedureId_UniqueKey" ON "dossiers" ("ProcedureId", "UniqueKey");


CREATE INDEX "IX_drafts_ApplicantId_ProcedureId" ON "drafts" ("ApplicantId", "ProcedureId");


CREATE INDEX "IX_drafts_ExpiresAt" ON "drafts" ("ExpiresAt");


CREATE INDEX "IX_issued_documents_AgencyCode_IssuedAt" ON "issued_documents" ("AgencyCode", "IssuedAt");


CREATE UNIQUE INDEX "IX_issued_documents_BookmarkId" ON "issued_documents" ("BookmarkId");


CREATE INDEX "IX_issued_documents_DossierCode" ON "issued_documents" ("DossierCode");


CREATE UNIQUE INDEX "IX_issued_documents_VerificationCode" ON "issued_documents" ("VerificationCode");


CREATE INDEX "IX_notifications_CreatedAt" ON "notifications" ("CreatedAt");


CREATE INDEX "IX_notifications_DossierCode" ON "notifications" ("DossierCode");


CREATE UNIQUE INDEX "IX_notifications_OutboxMessageId_Channel" ON "notifications" ("OutboxMessageId", "Channel");


CREATE INDEX "IX_notifications_RecipientId_CreatedAt" ON "notifications" ("RecipientId", "CreatedAt");


CREATE INDEX "IX_outbox_messages_Status_DueAt" ON "outbox_messages" ("Status", "DueAt");


CREATE INDEX "IX_payment_events_At" ON "payment_events" ("At");


CREATE INDEX "IX_payment_events_Reference_Id" ON "payment_events" ("Reference", "Id");


CREATE INDEX "IX_payments_DossierCode" ON "payments" ("DossierCode");


CREATE UNIQUE INDEX "IX_payments_Provider_ProviderTxnId" ON "payments" ("Provider", "ProviderTxnId");


CREATE UNIQUE INDEX "IX_payments_Reference" ON "payments" ("Reference");


CREATE INDEX "IX_payments_Status_ExpiresAt" ON "payments" ("Status", "ExpiresAt");


CREATE INDEX "IX_tasks_ClaimedBy_QueueOrder_Id" ON "tasks" ("ClaimedBy", "QueueOrder", "Id") WHERE "ClaimedBy" IS NOT NULL;


CREATE INDEX "IX_tasks_DossierCode" ON "tasks" ("DossierCode");


CREATE INDEX "IX_tasks_EscalatedAt_QueueOrder" ON "tasks" ("EscalatedAt", "QueueOrder");


CREATE INDEX "IX_tasks_InstanceId" ON "tasks" ("InstanceId");


CREATE INDEX "IX_tasks_Role_UnitCode_QueueOrder_Id" ON "tasks" ("Role", "UnitCode", "QueueOrder", "Id");


CREATE INDEX "IX_units_ParentCode" ON "units" ("ParentCode");


CREATE INDEX "IX_workflow_bookmarks_DueAt" ON "workflow_bookmarks" ("DueAt") WHERE "DueAt" IS NOT NULL;


CREATE INDEX "IX_workflow_bookmarks_InstanceId" ON "workflow_bookmarks" ("InstanceId");


CREATE INDEX "IX_workflow_bookmarks_Kind_Key_Id" ON "workflow_bookmarks" ("Kind", "Key", "Id") WHERE "Kind" = 'signal';


CREATE INDEX "IX_workflow_bookmarks_RemindAt" ON "workflow_bookmarks" ("RemindAt") WHERE "RemindAt" IS NOT NULL;


CREATE INDEX "IX_workflow_incidents_InstanceId" ON "workflow_incidents" ("InstanceId");


CREATE INDEX "IX_workflow_incidents_ResolvedAt" ON "workflow_incidents" ("ResolvedAt");


CREATE INDEX "IX_workflow_instances_DefinitionId_DefinitionVersion_Status" ON "workflow_instances" ("DefinitionId", "DefinitionVersion", "Status");


CREATE INDEX "IX_workflow_journal_InstanceId_Id" ON "workflow_journal" ("InstanceId", "Id");



