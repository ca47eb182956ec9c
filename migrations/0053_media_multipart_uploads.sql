-- Direct uploads of large files go to S3 as multipart uploads: the row keeps S3's upload id and the part size handed out,
-- so completing can finish (or abort) that upload.

ALTER TABLE media.uploads
    ADD COLUMN multipart_upload_id text CHECK (multipart_upload_id <> ''),
    ADD COLUMN part_size_bytes bigint CHECK (part_size_bytes > 0),
    ADD CONSTRAINT media_uploads_multipart_has_part_size CHECK ((multipart_upload_id IS NULL) = (part_size_bytes IS NULL));
