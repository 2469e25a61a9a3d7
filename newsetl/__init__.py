"""newsetl: batch ETL for news. The command line and the landing folder live here; the work lives in
transforms/, orchestration in flows/, validation in expectations/ and storage in warehouse/."""
